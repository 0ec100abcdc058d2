package io.residency.auditor.evidence;

import io.residency.auditor.facts.SourceFact;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The inputs of the run with their location and SHA-256: the estate, policy and waivers, every
 * source that could not be read, and the first {@value #READ_SOURCES_LISTED} sources read; the rest
 * are counted, with where each is listed (an estate of thousands of files would otherwise fill
 * hundreds of pages, and their layout the heap).
 */
final class InputsView {

    /** Sources read that the PDF lists by name; facts/source_fact.jsonl and the manifest list every one. */
    static final int READ_SOURCES_LISTED = 50;

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
        long readNotListed = 0;
        int readListed = 0;
        for (SourceFact source : model.sources()) {
            if (source.reason() == null && readListed == READ_SOURCES_LISTED) {
                readNotListed++;
                continue;
            }
            readListed += source.reason() == null ? 1 : 0;
            inputs.add(Map.of("name", source.sourceId() + " (" + source.kind() + ")", "location", source.location(),
                    "sha", Objects.toString(source.contentSha256(), "-"),
                    "status", source.reason() == null ? "read" : "NOT READ: " + source.reason()));
        }
        if (readNotListed > 0) {
            inputs.add(Map.of("name", readNotListed + " more sources, all read", "location",
                    "each with its SHA-256 in facts/source_fact.jsonl, its copy under inputs/ (covered by the manifest)",
                    "sha", "-", "status", "this report lists the first " + READ_SOURCES_LISTED + " sources read"));
        }
        return inputs;
    }
}
