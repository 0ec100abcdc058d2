package io.residency.auditor.evidence;

import io.residency.auditor.controls.ControlDefinition;
import io.residency.auditor.controls.FrameworkCatalog;
import io.residency.auditor.findings.Finding;
import io.residency.auditor.findings.Severity;
import io.residency.auditor.findings.Status;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@code findings.sarif} (SARIF 2.1.0) for code-scanning UIs: a rule per control, a result
 * per FAIL, UNVERIFIED or WAIVED finding, located at the offending setting's file and line where
 * known. Waived findings carry an external suppression with the waiver's reason.
 */
public final class SarifWriter {

    private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private final ObjectMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public void write(EvidenceModel model, OutputStream out) {
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "residency-auditor");
        driver.put("version", model.run().auditorVersion());
        driver.put("informationUri", "https://github.com/residency-auditor/residency-auditor");
        driver.put("rules", model.controls().stream().map(c -> rule(c, model.frameworkCatalog())).toList());
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("automationDetails", Map.of("id", "residency-auditor/" + model.run().estateId() + "/" + model.run().runId()));
        run.put("results", model.findings().stream().filter(f -> f.status() != Status.PASS).map(SarifWriter::result).toList());
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("$schema", SCHEMA);
        document.put("version", "2.1.0");
        document.put("runs", List.of(run));
        json.writeValue(out, document);
    }

    private static Map<String, Object> rule(ControlDefinition control, FrameworkCatalog frameworks) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("id", control.id());
        rule.put("name", control.id().replace("-", ""));
        rule.put("shortDescription", Map.of("text", control.title()));
        rule.put("fullDescription", Map.of("text", control.rationale()));
        rule.put("help", Map.of("text", control.remediation()));
        rule.put("defaultConfiguration", Map.of("level", level(control.severity())));
        List<String> tags = new ArrayList<>(List.of("data-residency"));
        frameworks.frameworks().forEach(framework -> framework.refsOf(control.id()).forEach(ref -> tags.add(framework.id() + " " + ref)));
        rule.put("properties", Map.of("tags", tags, "security-severity", securitySeverity(control.severity())));
        return rule;
    }

    private static Map<String, Object> result(Finding finding) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ruleId", finding.controlId());
        result.put("level", finding.status() == Status.FAIL ? level(finding.severity()) : "warning");
        result.put("message", Map.of("text", finding.status() + ": " + finding.message() + " [" + finding.resource() + "]"));
        Object file = finding.evidence().get("file");
        if (file != null && !file.toString().contains("://")) {
            Map<String, Object> physical = new LinkedHashMap<>();
            physical.put("artifactLocation", Map.of("uri", file.toString()));
            if (finding.evidence().get("line") instanceof Number line) {
                physical.put("region", Map.of("startLine", line.intValue()));
            }
            result.put("locations", List.of(Map.of("physicalLocation", physical)));
        }
        result.put("partialFingerprints", Map.of("residencyFinding/v1", finding.fingerprint()));
        if (finding.status() == Status.WAIVED) {
            result.put("suppressions", List.of(Map.of("kind", "external", "status", "accepted",
                    "justification", String.valueOf(finding.evidence().get("waiver_reason")))));
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("status", finding.status().name());
        properties.put("region", finding.region());
        properties.put("jurisdiction", finding.jurisdiction());
        properties.put("frameworks", finding.frameworks());
        result.put("properties", properties);
        return result;
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
