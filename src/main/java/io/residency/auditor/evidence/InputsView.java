package io.residency.auditor.evidence;

import io.residency.auditor.facts.SourceFact;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Every input of the run with its location and SHA-256, and whether each source could be read. */
final class InputsView {

    private InputsView() {
    }

    static List<Map<String, Object>> of(EvidenceModel model) {
        List<Map<String, Object>> inputs = new ArrayList<>();
        inputs.add(Map.of("name", "estate " + model.run().estateId(), "location", model.estateSource(), "sha", model.run().estateSha256(),
                "status", "read"));
        inputs.add(Map.of("name", "policy", "location", model.run().policySource(), "sha", model.run().policySha256(), "status", "read"));
        if (model.waiversSource() != null) {
            inputs.add(Map.of("name", "waivers", "location", model.waiversSource(), "sha", model.run().waiversSha256(), "status", "read"));
        }
        for (SourceFact source : model.sources()) {
            inputs.add(Map.of("name", source.sourceId() + " (" + source.kind() + ")", "location", source.location(),
                    "sha", Objects.toString(source.contentSha256(), "-"),
                    "status", source.reason() == null ? "read" : "NOT READ: " + source.reason()));
        }
        return inputs;
    }
}
