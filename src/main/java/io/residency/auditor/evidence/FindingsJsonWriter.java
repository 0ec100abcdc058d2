package io.residency.auditor.evidence;

import io.residency.auditor.facts.AuditRun;
import io.residency.auditor.findings.Finding;
import io.residency.auditor.findings.Status;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes {@code findings.json}, the machine-readable contract of DESIGN section 6. */
public final class FindingsJsonWriter {

    private final ObjectMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public void write(AuditRun run, List<Finding> findings, OutputStream out) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("run", runSection(run, findings));
        document.put("findings", findings.stream().map(FindingsJsonWriter::findingSection).toList());
        json.writeValue(out, document);
    }

    private static Map<String, Object> runSection(AuditRun run, List<Finding> findings) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("id", run.runId());
        section.put("estate", run.estateId());
        section.put("mode", run.mode());
        section.put("startedAt", run.startedAt().toString());
        section.put("auditorVersion", run.auditorVersion());
        section.put("estateSha256", run.estateSha256());
        section.put("policy", run.policySource());
        section.put("policySha256", run.policySha256());
        Map<String, Long> summary = new LinkedHashMap<>();
        for (Status status : Status.values()) {
            summary.put(status.name(), findings.stream().filter(f -> f.status() == status).count());
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
        section.put("firstSeen", finding.firstSeen().toString());
        return section;
    }
}
