package io.residency.auditor.evidence;

import io.residency.auditor.controls.ControlDefinition;
import io.residency.auditor.controls.FrameworkCatalog;
import io.residency.auditor.findings.Finding;
import io.residency.auditor.findings.Severity;
import io.residency.auditor.findings.Status;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@code findings.sarif} (SARIF 2.1.0) for code-scanning UIs such as GitHub's: a rule per
 * control with help text, a result per FAIL, UNVERIFIED or WAIVED finding. Every result has a
 * physical location relative to the estate's folder ({@code uriBaseId} {@value #SRCROOT}, the root
 * of the repository that holds the estate): the offending setting's file and line where the finding
 * has one inside that folder, else the line of the estate file that declares what was judged (the
 * bucket, the region, the querier), with a logical location naming the bucket or series. Waived
 * findings carry an external suppression with the waiver's reason.
 */
public final class SarifWriter {

    static final String SRCROOT = "%SRCROOT%";
    private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private final ObjectMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** The rules and scope are small; the results are written one by one as the findings are read. */
    public void write(EvidenceModel model, OutputStream out) {
        EstateDeclarations estate = EstateDeclarations.of(model.estateSource());
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "residency-auditor");
        driver.put("version", model.run().auditorVersion());
        driver.put("informationUri", "https://github.com/residency-auditor/residency-auditor");
        driver.put("rules", model.controls().stream().map(c -> rule(c, model.frameworkCatalog())).toList());
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("automationDetails", Map.of("id", "residency-auditor/" + model.run().estateId() + "/" + model.run().runId()));
        Map<String, Object> invocation = new LinkedHashMap<>();
        invocation.put("executionSuccessful", true);
        invocation.put("startTimeUtc", FindingRows.iso(model.run().startedAt()));
        run.put("invocations", List.of(invocation));
        run.put("originalUriBaseIds", Map.of(SRCROOT, Map.of("description", Map.of("text",
                "The folder of the estate file: the root of the repository that holds the estate and its configuration files"))));
        try (JsonGenerator generator = json.createGenerator(out)) {
            generator.writeStartObject();
            generator.writeStringProperty("$schema", SCHEMA);
            generator.writeStringProperty("version", "2.1.0");
            generator.writeName("runs");
            generator.writeStartArray();
            generator.writeStartObject();
            for (Map.Entry<String, Object> section : run.entrySet()) {
                generator.writeName(section.getKey());
                generator.writePOJO(section.getValue());
            }
            generator.writeName("results");
            generator.writeStartArray();
            model.findings().forEach(finding -> {
                if (finding.status() != Status.PASS) {
                    generator.writePOJO(result(finding, estate));
                }
            });
            generator.writeEndArray();
            // Every report opens with its scope: what was examined, the keys, and what was NOT TESTED.
            generator.writeName("properties");
            generator.writePOJO(Map.of("scope", ScopeStatement.asMap(model)));
            generator.writeEndObject();
            generator.writeEndArray();
            generator.writeEndObject();
        }
    }

    private static Map<String, Object> rule(ControlDefinition control, FrameworkCatalog frameworks) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("id", control.id());
        rule.put("name", control.id().replace("-", ""));
        rule.put("shortDescription", Map.of("text", control.title()));
        rule.put("fullDescription", Map.of("text", control.rationale()));
        rule.put("help", ordered("text", control.remediation(),
                "markdown", "**Why:** " + control.rationale() + "\n\n**Fix:** " + control.remediation()));
        rule.put("defaultConfiguration", Map.of("level", level(control.severity())));
        List<String> tags = new ArrayList<>(List.of("data-residency"));
        frameworks.frameworks().forEach(framework -> framework.refsOf(control.id()).forEach(ref -> tags.add(framework.id() + " " + ref)));
        rule.put("properties", ordered("tags", tags, "security-severity", securitySeverity(control.severity())));
        return rule;
    }

    private static Map<String, Object> result(Finding finding, EstateDeclarations estate) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ruleId", finding.controlId());
        result.put("level", finding.status() == Status.FAIL ? level(finding.severity()) : "warning");
        result.put("message", Map.of("text", finding.status() + ": " + finding.message() + " [" + finding.resource() + "]"));
        result.put("locations", List.of(location(finding, estate)));
        result.put("partialFingerprints", Map.of("residencyFinding/v1", finding.fingerprint()));
        if (finding.status() == Status.WAIVED) {
            result.put("suppressions", List.of(ordered("kind", "external", "status", "accepted",
                    "justification", String.valueOf(finding.evidence().get("waiver_reason")))));
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("status", finding.status().name());
        properties.put("region", finding.region());
        properties.put("jurisdiction", finding.jurisdiction());
        properties.put("frameworks", finding.frameworks());
        properties.put("evidenceRef", EvidenceRefs.of(finding));
        result.put("properties", properties);
        return result;
    }

    /** The setting's own file and line when it lies in the estate's folder, else the estate line that declares the resource. */
    private static Map<String, Object> location(Finding finding, EstateDeclarations estate) {
        String file = inEstateFolder(finding.evidence().get("file"), estate);
        String uri;
        int line;
        if (file != null && finding.evidence().get("line") instanceof Number number && number.intValue() > 0) {
            uri = file;
            line = number.intValue();
        } else {
            // No setting line (a bucket, the series, a source that could not be read): the estate line that declares it.
            uri = estate.folder() == null ? estate.file().getFileName().toString() : relative(estate.folder(), estate.file());
            line = estate.lineOf(declaringWords(finding, file));
        }
        Map<String, Object> physical = new LinkedHashMap<>();
        physical.put("artifactLocation", ordered("uri", uri, "uriBaseId", SRCROOT));
        physical.put("region", Map.of("startLine", line));
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("physicalLocation", physical);
        Map<String, Object> logical = new LinkedHashMap<>();
        logical.put("name", finding.resource());
        logical.put("fullyQualifiedName", ResourceKinds.of(finding) + ":" + finding.resource());
        logical.put("kind", "resource");
        location.put("logicalLocations", List.of(logical));
        return location;
    }

    /** What the estate calls the judged thing, most specific first: the bucket, the source, the querier, the region. */
    private static String[] declaringWords(Finding finding, String file) {
        Map<String, Object> evidence = finding.evidence();
        String bucket = evidence.get("bucket") == null ? null : evidence.get("bucket").toString().replaceFirst("^s3://", "");
        String source = Objects.toString(evidence.get("source_id"), null);
        String kind = source == null || !source.contains("/") ? null : "kind: " + source.substring(source.indexOf('/') + 1);
        String section = switch (ResourceKinds.of(finding)) {
            case "s3-bucket" -> "aws:";
            case "metric-series", "thanos-querier" -> "thanos:";
            default -> null;
        };
        return new String[] {file, bucket, section, kind, finding.region() == null ? null : "name: " + finding.region()};
    }

    /** The finding's config file relative to the estate's folder, or {@code null} for a live source or a file outside it. */
    private static String inEstateFolder(Object file, EstateDeclarations estate) {
        if (file == null || file.toString().contains("://") || estate.folder() == null) {
            return null;
        }
        Path path;
        try {
            path = estate.folder().resolve(file.toString()).toAbsolutePath().normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
        return path.startsWith(estate.folder()) ? relative(estate.folder(), path) : null;
    }

    private static String relative(Path folder, Path file) {
        return folder.relativize(file).toString().replace('\\', '/');
    }

    /**
     * A map that keeps its keys in the order given. Map.of iterates in an order that changes from one
     * JVM to the next, which made two runs of the same estate write their SARIF keys differently.
     */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static String level(Severity severity) {
        return severity == Severity.CRITICAL || severity == Severity.HIGH ? "error" : "warning";
    }

    /** GitHub code scanning ranks alerts by this CVSS-like score. */
    private static String securitySeverity(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
        };
    }
}
