package io.residency.auditor.evidence;

import io.residency.auditor.findings.Finding;
import io.residency.auditor.findings.Status;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes {@code findings.json}, the machine-readable contract of DESIGN section 6. */
public final class FindingsJsonWriter {

    private final ObjectMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** Written as it is read: each finding is serialised as the database passes it, and none is held. */
    public void write(EvidenceModel model, OutputStream out) {
        try (JsonGenerator generator = json.createGenerator(out)) {
            generator.writeStartObject();
            generator.writeName("run");
            generator.writePOJO(runSection(model));
            generator.writeName("scope");
            generator.writePOJO(ScopeSection.of(model));
            generator.writeName("findings");
            generator.writeStartArray();
            model.findings().forEach(finding -> generator.writePOJO(findingSection(finding)));
            generator.writeEndArray();
            for (Map.Entry<String, Object> section : afterFindings(model).entrySet()) {
                generator.writeName(section.getKey());
                generator.writePOJO(section.getValue());
            }
            generator.writeEndObject();
        }
    }

    /** The sections after the findings: the resolved problems and the waivers, both small. */
    private static Map<String, Object> afterFindings(EvidenceModel model) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("resolved", model.resolved().stream().map(r -> {
            Map<String, Object> resolved = new LinkedHashMap<>();
            resolved.put("control", r.controlId());
            resolved.put("region", r.region());
            resolved.put("resource", r.resource());
            resolved.put("fingerprint", r.fingerprint());
            resolved.put("previousStatus", r.previousStatus());
            resolved.put("previousRun", r.previousRunId());
            resolved.put("nowStatus", r.nowStatus());
            return resolved;
        }).toList());
        document.put("waivers", model.waivers().stream().map(w -> {
            Map<String, Object> waiver = new LinkedHashMap<>();
            waiver.put("id", w.waiver().id());
            waiver.put("framework", String.join(",", w.frameworks()));
            waiver.put("control", w.waiver().control());
            waiver.put("resource", w.waiver().resource());
            waiver.put("fingerprint", w.waiver().fingerprint());
            waiver.put("reason", w.waiver().reason());
            waiver.put("approver", w.waiver().approver());
            waiver.put("expires", w.waiver().expires().toString());
            waiver.put("state", w.expired() ? "expired" : "in force");
            waiver.put("register", w.state().name().toLowerCase(java.util.Locale.ROOT)); // active | expired | unused
            waiver.put("legalBasis", w.waiver().basis() == null ? null : w.waiver().basis().label());
            waiver.put("legalBasisReference", w.waiver().legalBasisReference());
            waiver.put("compensatingControl", w.waiver().compensatingControl());
            waiver.put("riskOwner", w.waiver().owner());
            waiver.put("approvalDate", w.waiver().approvalDate() == null ? null : w.waiver().approvalDate().toString());
            waiver.put("ticket", w.waiver().ticket());
            waiver.put("covers", w.waiver().covers().stream().map(Enum::name).toList());
            waiver.put("matched", w.matched());
            return waiver;
        }).toList());
        return document;
    }

    private static Map<String, Object> runSection(EvidenceModel model) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("id", model.run().runId());
        section.put("estate", model.run().estateId());
        section.put("mode", model.run().mode());
        section.put("startedAt", FindingRows.iso(model.run().startedAt()));
        section.put("auditorVersion", model.run().auditorVersion());
        section.put("estateSha256", model.run().estateSha256());
        section.put("policy", model.run().policySource());
        section.put("policySha256", model.run().policySha256());
        section.put("waivers", model.waiversSource());
        section.put("waiversSha256", model.run().waiversSha256());
        section.put("signature", KeyStatements.signatureJson(model.keys()));
        section.put("hmacKey", KeyStatements.hmacKeyJson(model.keys()));
        Map<String, Long> summary = new LinkedHashMap<>();
        StatusCounts counts = model.findings().counts();
        for (Status status : Status.values()) {
            summary.put(status.name(), counts.count(status));
        }
        section.put("summary", summary);
        return section;
    }

    private static Map<String, Object> findingSection(Finding finding) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("control", finding.controlId());
        section.put("status", finding.status().name());
        section.put("severity", finding.severity().label());
        section.put("framework", String.join(",", finding.frameworks()));
        section.put("region", finding.region());
        section.put("jurisdiction", finding.jurisdiction());
        section.put("resource", finding.resource());
        section.put("fingerprint", finding.fingerprint());
        section.put("message", finding.message());
        section.put("evidence", finding.evidence());
        section.put("evidenceRef", EvidenceRefs.of(finding));
        section.put("firstSeen", FindingRows.iso(finding.firstSeen()));
        section.put("lifecycle", finding.lifecycle());
        section.put("exceptionId", finding.exceptionId());
        return section;
    }
}
