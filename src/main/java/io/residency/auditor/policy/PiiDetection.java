package io.residency.auditor.policy;

import java.util.List;

/** How personal data is recognised in metric labels: name patterns, value detectors, and labels known to be safe. */
public record PiiDetection(List<String> labelNamePatterns, List<String> valueDetectors, List<String> allowLabels) {

    public PiiDetection {
        labelNamePatterns = labelNamePatterns == null ? List.of() : List.copyOf(labelNamePatterns);
        valueDetectors = valueDetectors == null ? List.of() : List.copyOf(valueDetectors);
        allowLabels = allowLabels == null ? List.of() : List.copyOf(allowLabels);
    }
}
