package io.residency.auditor.evidence;

import io.residency.auditor.controls.ControlDefinition;
import io.residency.auditor.controls.Framework;
import io.residency.auditor.findings.Finding;
import io.residency.auditor.findings.NotTested;
import io.residency.auditor.findings.Severity;
import io.residency.auditor.findings.Status;
import io.residency.auditor.input.Sha256;
import java.io.OutputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@code findings.ocsf.json} for SIEMs: a JSON array of OCSF 1.7.0 Compliance Finding events
 * (class 2003), one per finding and one per check NOT TESTED. {@code time} is epoch milliseconds
 * (OCSF's timestamp_t) with its RFC 3339 sibling {@code time_dt} (the datetime profile).
 * What OCSF has no attribute for (run id, keys, lifecycle, exception id) goes into {@code unmapped}.
 */
public final class OcsfWriter {

    static final String OCSF_VERSION = "1.7.0";
    static final int CLASS_UID = 2003;
    private static final int CATEGORY_FINDINGS = 2;
    private static final Map<Integer, String> SEVERITY_NAMES = Map.of(1, "Informational", 2, "Low", 3, "Medium", 4, "High", 5, "Critical");

    private final ObjectMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** Each event is written as its finding is read: none is held. */
    public void write(EvidenceModel model, OutputStream out) {
        Map<String, ControlDefinition> controls = model.controls().stream()
                .collect(Collectors.toMap(ControlDefinition::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        try (JsonGenerator generator = json.createGenerator(out)) {
            generator.writeStartArray();
            model.findings().forEach(finding -> generator.writePOJO(event(model, finding, Optional.ofNullable(controls.get(finding.controlId())))));
            for (NotTested entry : model.notTested()) {
                generator.writePOJO(notTested(model, entry, Optional.ofNullable(controls.get(entry.control()))));
            }
            generator.writeEndArray();
        }
    }

    private Map<String, Object> event(EvidenceModel model, Finding finding, Optional<ControlDefinition> control) {
        boolean created = "new".equals(finding.lifecycle());
        Map<String, Object> event = header(model, created ? 1 : 2, created ? "Create" : "Update",
                finding.status() == Status.PASS ? 1 : severityId(finding.severity()), finding.message());
        if (finding.status() != Status.PASS) {
            event.put("status_id", switch (finding.status()) {
                case WAIVED -> 3;       // Suppressed: an exception covers it
                default -> created ? 1 : 2; // New, or still open (In Progress)
            });
            event.put("status", switch (finding.status()) {
                case WAIVED -> "Suppressed";
                default -> created ? "New" : "In Progress";
            });
        }
        Map<String, Object> info = findingInfo(finding.fingerprint(), control.map(ControlDefinition::title).orElse(finding.controlId()),
                finding.message());
        info.put("first_seen_time", finding.firstSeen().toEpochMilli());
        info.put("first_seen_time_dt", FindingRows.iso(finding.firstSeen()));
        event.put("finding_info", info);
        event.put("compliance", compliance(model, finding.controlId(), finding.frameworks(), complianceStatus(finding.status()),
                finding.status() + ": " + finding.message()));
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("name", finding.resource());
        resource.put("type", ResourceKinds.of(finding));
        resource.put("uid", finding.fingerprint());
        if (finding.region() != null) {
            resource.put("region", finding.region());
        }
        if (finding.jurisdiction() != null) {
            resource.put("labels", List.of("jurisdiction:" + finding.jurisdiction()));
        }
        event.put("resources", List.of(resource));
        control.ifPresent(c -> event.put("remediation", Map.of("desc", c.remediation())));
        Map<String, Object> unmapped = unmapped(model);
        unmapped.put("residency_status", finding.status().name());
        unmapped.put("lifecycle", finding.lifecycle());
        unmapped.put("exception_id", finding.exceptionId());
        unmapped.put("evidence_ref", EvidenceRefs.of(finding));
        event.put("unmapped", unmapped);
        return event;
    }

    private Map<String, Object> notTested(EvidenceModel model, NotTested entry, Optional<ControlDefinition> control) {
        Map<String, Object> event = header(model, 1, "Create", 1, "NOT TESTED: " + entry.reason());
        String uid = Sha256.hex("not-tested\n" + entry.control() + "\n" + entry.region()).substring(0, 32);
        event.put("finding_info", findingInfo(uid, control.map(ControlDefinition::title).orElse(entry.control()), entry.reason()));
        List<String> frameworks = model.frameworkCatalog().frameworks().stream().filter(f -> f.maps(entry.control()))
                .map(Framework::id).sorted().toList();
        event.put("compliance", compliance(model, entry.control(), frameworks, 2, "NOT TESTED: " + entry.reason()));
        Map<String, Object> unmapped = unmapped(model);
        unmapped.put("residency_status", "NOT TESTED");
        unmapped.put("region", entry.region());
        event.put("unmapped", unmapped);
        return event;
    }

    private static Map<String, Object> header(EvidenceModel model, int activityId, String activityName, int severityId, String message) {
        Instant time = model.run().startedAt();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("activity_id", activityId);
        event.put("activity_name", activityName);
        event.put("category_uid", CATEGORY_FINDINGS);
        event.put("category_name", "Findings");
        event.put("class_uid", CLASS_UID);
        event.put("class_name", "Compliance Finding");
        event.put("type_uid", CLASS_UID * 100L + activityId);
        event.put("type_name", "Compliance Finding: " + activityName);
        event.put("severity_id", severityId);
        event.put("severity", SEVERITY_NAMES.get(severityId));
        event.put("time", time.toEpochMilli());
        event.put("time_dt", FindingRows.iso(time));
        event.put("message", message);
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("name", "residency-auditor");
        product.put("vendor_name", "residency-auditor");
        product.put("version", model.run().auditorVersion());
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("version", OCSF_VERSION);
        metadata.put("product", product);
        metadata.put("log_name", "residency-audit");
        metadata.put("correlation_uid", model.run().runId());
        metadata.put("profiles", List.of("datetime"));
        event.put("metadata", metadata);
        return event;
    }

    private static Map<String, Object> findingInfo(String uid, String title, String desc) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("uid", uid);
        info.put("title", title);
        info.put("desc", desc);
        info.put("types", List.of("Data Residency"));
        return info;
    }

    private static Map<String, Object> compliance(EvidenceModel model, String controlId, List<String> frameworks, int statusId, String detail) {
        Map<String, Object> compliance = new LinkedHashMap<>();
        compliance.put("control", controlId);
        compliance.put("standards", frameworks.stream().sorted().toList());
        compliance.put("requirements", frameworks.stream().sorted()
                .flatMap(id -> model.frameworkCatalog().framework(id).stream())
                .flatMap(f -> f.refsOf(controlId).stream().map(ref -> f.id() + " " + ref)).toList());
        compliance.put("status_id", statusId);
        compliance.put("status", statusId == 1 ? "Pass" : statusId == 2 ? "Warning" : "Fail");
        compliance.put("status_detail", detail);
        return compliance;
    }

    /** The run and its keys, named in every event as in every report; the event's own extras are added to it. */
    private static Map<String, Object> unmapped(EvidenceModel model) {
        Map<String, Object> unmapped = new LinkedHashMap<>();
        unmapped.put("run_id", model.run().runId());
        unmapped.put("signing_key_id", model.keys().signed() ? model.keys().signingKeyId() : "unsigned");
        unmapped.put("hash_key_id", model.keys().hmacKeyId());
        unmapped.put("hash_key", KeyStatements.hmacKey(model.keys()));
        return unmapped;
    }

    /** PASS 1 (Pass), UNVERIFIED 2 (Warning: no result for missing information), FAIL and WAIVED 3 (Fail). */
    private static int complianceStatus(Status status) {
        return switch (status) {
            case PASS -> 1;
            case UNVERIFIED -> 2;
            case FAIL, WAIVED -> 3;
        };
    }

    private static int severityId(Severity severity) {
        return switch (severity) {
            case CRITICAL -> 5;
            case HIGH -> 4;
            case MEDIUM -> 3;
            case LOW -> 2;
        };
    }
}
