package io.residency.auditor.evidence;

import io.residency.auditor.facts.RunScope;
import io.residency.auditor.findings.NotTested;
import io.residency.auditor.policy.FrameworkRules;
import io.residency.auditor.policy.PiiDetection;
import io.residency.auditor.policy.Policy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The scope every report opens with, in one place and in one wording: what the run examined
 * (regions, sources by kind, buckets, the querier, tenants), the policy parameters and detectors in
 * force, the waivers file, the keys (signing and hash key ids) and what was NOT TESTED and why.
 * The PDF prints the lines, SARIF, JUnit and OCSF carry them as properties.
 */
public final class ScopeStatement {

    /** One line of the statement: a short label and what it says. */
    public record Line(String key, String label, String text) {
    }

    private ScopeStatement() {
    }

    public static List<Line> of(EvidenceModel model) {
        List<Line> lines = new ArrayList<>();
        RunScope scope = model.scope();
        lines.add(new Line("run", "Run", model.run().runId() + " (" + model.run().mode() + ") of estate " + model.run().estateId()));
        if (scope == null) {
            lines.add(new Line("examined", "Examined", "not recorded for this run"));
        } else {
            lines.add(new Line("regions", "Regions", scope.regions().isEmpty() ? "none" : String.join(", ", scope.regions())));
            lines.add(new Line("sources", "Sources by kind", scope.sourcesByKind().isEmpty() ? "none"
                    : scope.sourcesByKind().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))));
            lines.add(new Line("buckets", "S3 buckets", scope.mode().bucketsInspected() ? scope.buckets() + " inspected"
                    : "none inspected (" + (scope.mode().offline() ? "offline run" : "the estate has no aws section") + ")"));
            lines.add(new Line("querier", "Central querier", scope.mode().seriesScanned() ? "series and topology scanned"
                    : "not scanned (" + (scope.mode().offline() ? "offline run" : "the estate names no querier") + ")"));
            lines.add(new Line("tenants", "Tenants", scope.tenants() + " (" + scope.soxTenants() + " SOX)"));
        }
        lines.add(new Line("policy", "Policy parameters", policyParameters(model.policy())));
        lines.add(new Line("detectors", "PII detectors", detectors(model.policy())));
        lines.add(new Line("waivers", "Waivers file", model.waiversSource() == null ? "none"
                : model.waiversSource() + " (sha256 " + model.run().waiversSha256() + ")"));
        lines.add(new Line("signature", "Signature", KeyStatements.signature(model.keys())));
        lines.add(new Line("hashKey", "Hash key", KeyStatements.hmacKey(model.keys())));
        lines.add(new Line("notTested", "NOT TESTED", notTested(model.notTested())));
        return lines;
    }

    /** The statement as a map, key → text, for the formats that carry it as properties. */
    public static Map<String, String> asMap(EvidenceModel model) {
        Map<String, String> map = new LinkedHashMap<>();
        of(model).forEach(line -> map.put(line.key(), line.text()));
        return map;
    }

    static String policyParameters(Policy policy) {
        if (policy == null) {
            return "not recorded for this run";
        }
        String jurisdictions = new TreeMap<>(policy.jurisdictions()).entrySet().stream()
                .map(e -> e.getKey() + " = " + String.join(", ", e.getValue().regions()) + " (" + String.join(", ", e.getValue().frameworks()) + ")")
                .collect(Collectors.joining("; "));
        String rules = new TreeMap<>(policy.frameworks()).entrySet().stream()
                .map(e -> e.getKey() + ": " + rules(e.getValue())).collect(Collectors.joining("; "));
        return "jurisdictions " + jurisdictions + ". Rules " + rules;
    }

    private static String rules(FrameworkRules rules) {
        List<String> parts = new ArrayList<>();
        parts.add("storage in jurisdiction " + list(rules.storageInJurisdiction()));
        parts.add("replication in jurisdiction " + list(rules.replicationInJurisdiction()));
        parts.add("federation allowed " + list(rules.federationAllowed()));
        if (rules.minimumLogRetentionDays() != null) {
            parts.add("minimum log retention " + rules.minimumLogRetentionDays() + " days");
        }
        return String.join(", ", parts);
    }

    static String detectors(Policy policy) {
        if (policy == null) {
            return "not recorded for this run";
        }
        PiiDetection pii = policy.pii() == null ? new PiiDetection(null, null, null) : policy.pii();
        return "value detectors " + list(pii.valueDetectors()) + "; " + pii.labelNamePatterns().size()
                + " label-name patterns; allow-listed labels " + list(pii.allowLabels());
    }

    private static String notTested(List<NotTested> entries) {
        if (entries.isEmpty()) {
            return "none: every check could be made";
        }
        return entries.size() + (entries.size() == 1 ? " check: " : " checks: ") + entries.stream()
                .map(e -> e.control() + " " + e.region() + " (" + e.reason() + ")").collect(Collectors.joining("; "));
    }

    private static String list(List<String> values) {
        return values.isEmpty() ? "none" : String.join(", ", values);
    }
}
