package io.residency.auditor.evidence;

import io.residency.auditor.controls.ControlDefinition;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The framework's full name, where its text is, and each provision with the controls that support it. */
final class FrameworkMappingView {

    private FrameworkMappingView() {
    }

    static Map<String, Object> of(EvidenceModel model, String framework) {
        Map<String, Object> view = new LinkedHashMap<>();
        model.frameworkCatalog().framework(framework).ifPresent(f -> {
            view.put("frameworkName", f.name());
            view.put("frameworkSource", f.source());
            view.put("provisions", f.provisions().stream().map(p -> Map.of("ref", p.ref(), "title", p.title(), "why", p.why(),
                    "controls", model.controls().stream().filter(c -> p.controls().contains(c.id()))
                            .map(ControlDefinition::id).collect(Collectors.collectingAndThen(Collectors.joining(", "),
                                    ids -> ids.isEmpty() ? "-" : ids)))).toList());
        });
        return view;
    }
}
