package io.residency.auditor.policy;

import java.util.List;

/** How personal data is recognised in metric labels: name patterns, value detectors, and labels known to be safe. */
public record PiiDetection(List<String> labelNamePatterns, List<String> valueDetectors, List<String> allowLabels) {

    /** The value detectors the auditor has (collect/series/ValueDetectors implements each). */
    public static final List<String> DETECTORS = List.of("email", "ipv4", "ipv6", "e164-phone", "payment-card", "iban");

    public PiiDetection {
        labelNamePatterns = labelNamePatterns == null ? List.of() : List.copyOf(labelNamePatterns);
        valueDetectors = valueDetectors == null ? List.of() : List.copyOf(valueDetectors);
        allowLabels = allowLabels == null ? List.of() : List.copyOf(allowLabels);
    }
}
