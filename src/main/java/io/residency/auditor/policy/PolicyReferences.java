package io.residency.auditor.policy;

import io.residency.auditor.input.InvalidInputException;
import io.residency.auditor.input.YamlErrors;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The policy's cross-references that annotations cannot express, reported with file, line and path. */
final class PolicyReferences {

    private final String name;
    private final byte[] content;

    PolicyReferences(String name, byte[] content) {
        this.name = name;
        this.content = content;
    }

    void check(Policy policy) {
        if (policy.version() != 1) {
            throw problem(List.of("version"), "expected 1, got " + policy.version());
        }
        Map<String, String> regionOwner = new HashMap<>();
        policy.jurisdictions().forEach((jurisdiction, definition) -> {
            for (int i = 0; i < definition.regions().size(); i++) {
                String region = definition.regions().get(i);
                String other = regionOwner.putIfAbsent(region, jurisdiction);
                if (other != null) {
                    throw problem(List.of("jurisdictions", jurisdiction, "regions", i),
                            "region " + region + " is already in jurisdiction " + other + "; expected each region in one jurisdiction only");
                }
            }
            for (int i = 0; i < definition.frameworks().size(); i++) {
                String framework = definition.frameworks().get(i);
                if (!policy.frameworks().containsKey(framework)) {
                    throw problem(List.of("jurisdictions", jurisdiction, "frameworks", i),
                            "unknown framework '" + framework + "'; expected one of " + policy.frameworks().keySet());
                }
            }
        });
        checkPii(policy.pii());
        checkExceptions(policy.exceptions());
        policy.frameworks().forEach((framework, rules) -> {
            checkDataClasses(policy, framework, "storageInJurisdiction", rules.storageInJurisdiction());
            checkDataClasses(policy, framework, "replicationInJurisdiction", rules.replicationInJurisdiction());
            checkDataClasses(policy, framework, "federationAllowed", rules.federationAllowed());
        });
    }

    /** Checked here, not when the series scan starts: a bad pattern must stop the run before it starts (exit 2). */
    private void checkPii(PiiDetection pii) {
        if (pii == null) {
            throw problem(List.of(), "missing PII settings; expected pii: {labelNamePatterns, valueDetectors, allowLabels}");
        }
        if (pii.labelNamePatterns().isEmpty() && pii.valueDetectors().isEmpty()) {
            throw problem(List.of("pii"), "no labelNamePatterns and no valueDetectors; expected at least one way to recognise personal data");
        }
        for (int i = 0; i < pii.labelNamePatterns().size(); i++) {
            String pattern = pii.labelNamePatterns().get(i);
            if (pattern == null || pattern.isBlank()) {
                throw problem(List.of("pii", "labelNamePatterns", i), "empty pattern; expected a Java regular expression");
            }
            try {
                java.util.regex.Pattern.compile(pattern);
            } catch (java.util.regex.PatternSyntaxException e) {
                throw problem(List.of("pii", "labelNamePatterns", i), "not a valid regular expression (" + e.getDescription()
                        + " at index " + e.getIndex() + "); expected a Java regular expression such as (?i).*mail.*");
            }
        }
        for (int i = 0; i < pii.valueDetectors().size(); i++) {
            String detector = pii.valueDetectors().get(i);
            if (!PiiDetection.DETECTORS.contains(detector)) {
                throw problem(List.of("pii", "valueDetectors", i), "unknown value detector" + (detector != null && detector.matches("[a-z0-9-]{1,40}")
                        ? " '" + detector + "'" : "") + "; expected one of " + PiiDetection.DETECTORS);
            }
        }
        for (int i = 0; i < pii.allowLabels().size(); i++) {
            String label = pii.allowLabels().get(i);
            if (label == null || !label.matches("[a-zA-Z_][a-zA-Z0-9_]{0,127}")) {
                throw problem(List.of("pii", "allowLabels", i), "not a label name; expected letters, digits and _ (Prometheus label names)");
            }
        }
    }

    private void checkExceptions(ExceptionRules rules) {
        java.time.Period term;
        try {
            term = rules.term();
        } catch (java.time.format.DateTimeParseException e) {
            throw problem(List.of("exceptions", "maxTerm"), "not a period; expected an ISO-8601 period such as P1Y or P6M");
        }
        java.time.LocalDate base = java.time.LocalDate.of(2000, 1, 1);
        boolean outOfRange;
        try {
            java.time.LocalDate end = base.plus(term);
            outOfRange = !end.isAfter(base) || end.isAfter(base.plusYears(100));
        } catch (java.time.DateTimeException | ArithmeticException e) {
            outOfRange = true;
        }
        if (outOfRange) {
            throw problem(List.of("exceptions", "maxTerm"), "expected a period longer than zero and at most P100Y, such as P1Y");
        }
        for (int i = 0; i < rules.approvers().size(); i++) {
            String approver = rules.approvers().get(i);
            if (approver == null || approver.isBlank() || approver.length() > 256) {
                throw problem(List.of("exceptions", "approvers", i), "expected who may approve an exception, such as dpo@example.com");
            }
        }
    }

    private void checkDataClasses(Policy policy, String framework, String rule, List<String> classes) {
        for (int i = 0; i < classes.size(); i++) {
            if (!policy.dataClasses().containsKey(classes.get(i))) {
                throw problem(List.of("frameworks", framework, rule, i),
                        "unknown data class '" + classes.get(i) + "'; expected one of " + policy.dataClasses().keySet());
            }
        }
    }

    private InvalidInputException problem(List<Object> path, String message) {
        return new InvalidInputException(name, YamlErrors.place(content, path), message);
    }
}
