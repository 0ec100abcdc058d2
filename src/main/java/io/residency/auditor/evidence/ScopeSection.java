package io.residency.auditor.evidence;

import io.residency.auditor.facts.RunScope;
import java.util.LinkedHashMap;
import java.util.Map;

/** findings.json's {@code scope}: what the run examined, and what it did NOT TEST and why. */
final class ScopeSection {

    private ScopeSection() {
    }

    static Map<String, Object> of(EvidenceModel model) {
        Map<String, Object> section = new LinkedHashMap<>();
        RunScope scope = model.scope();
        if (scope != null) {
            section.put("regions", scope.regions());
            section.put("sources", scope.sourcesByKind());
            section.put("offline", scope.mode().offline());
            section.put("buckets", scope.mode().bucketsInspected() ? scope.buckets() : null); // null: S3 was not asked
            section.put("querier", scope.mode().seriesScanned());
            Map<String, Object> tenants = new LinkedHashMap<>();
            tenants.put("total", scope.tenants());
            tenants.put("sox", scope.soxTenants());
            section.put("tenants", tenants);
        }
        section.put("policy", ScopeStatement.policyParameters(model.policy()));
        section.put("detectors", ScopeStatement.detectors(model.policy()));
        section.put("waiversFile", model.waiversSource());
        section.put("signature", KeyStatements.signature(model.keys()));
        section.put("hashKey", KeyStatements.hmacKey(model.keys()));
        section.put("notTested", model.notTested().stream().map(entry -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("control", entry.control());
            row.put("region", entry.region());
            row.put("reason", entry.reason());
            return row;
        }).toList());
        section.put("verdict", Verdict.of(model.findings().counts(), model.notTested().size()));
        return section;
    }
}
