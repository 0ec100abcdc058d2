package io.residency.auditor.collect.config;

import io.residency.auditor.estate.SourceSpec;
import java.util.function.BiConsumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fetches and reads a component API's JSON answer, bounded, and refuses one that is not the shape
 * expected, naming the endpoint.
 */
final class ComponentApiAnswers {

    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(SourceFetcher.MAX_BYTES).build())
            .build()).build();

    private ComponentApiAnswers() {
    }

    /** One endpoint's answer, handed to {@code received} as received, or as far as read when the read failed. */
    static byte[] fetch(SourceFetcher fetcher, SourceSpec spec, String path, String expected, BiConsumer<String, byte[]> received)
            throws SourceReadException {
        return KeptAnswer.read(() -> fetcher.fetchApi(spec, path, expected), answer -> answer, answer -> received.accept(path, answer));
    }

    static JsonNode parse(byte[] answer, String endpoint, String expected) throws SourceReadException {
        try {
            JsonNode root = JSON.readTree(answer);
            if (root == null || root.isMissingNode()) {
                throw new SourceReadException("GET " + endpoint + ": empty answer; expected " + expected);
            }
            return root;
        } catch (JacksonException e) {
            throw new SourceReadException("GET " + endpoint + ": the answer is not JSON or was cut off; expected " + expected, e);
        }
    }

    /**
     * The {@code data} of a Prometheus API envelope: {@code status} must be success and no warning may
     * say the answer is partial.
     */
    static JsonNode prometheusData(byte[] answer, String endpoint, String expected) throws SourceReadException {
        JsonNode root = parse(answer, endpoint, expected);
        if (!root.isObject() || !"success".equals(root.path("status").asString(""))) {
            throw new SourceReadException("GET " + endpoint + ": status " + root.path("status").asString("(none)") + "; expected success with "
                    + expected);
        }
        if (root.path("warnings").isArray() && !root.path("warnings").isEmpty()) {
            throw new SourceReadException("GET " + endpoint + ": the answer carries " + root.path("warnings").size()
                    + " warnings (partial); expected a complete answer with " + expected);
        }
        JsonNode data = root.path("data");
        if (!data.isObject()) {
            throw new SourceReadException("GET " + endpoint + ": no data object; expected " + expected);
        }
        return data;
    }
}
