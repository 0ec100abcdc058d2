package io.residency.auditor.collect.config;

import io.residency.auditor.estate.SourceSpec;
import java.util.List;
import java.util.function.BiConsumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Grafana's data sources read through its HTTP API ({@code api:}, kind {@code grafana-datasources}):
 * {@code GET /api/datasources} with a service-account token ({@code tokenFile}/{@code tokenEnv}). Only
 * the fields that say where a data source reaches are kept, in the provisioning file's shape
 * ({@code datasources: [{name, type, url, access, uid}]}), so the kind parses it as it parses that
 * file; {@code secureJsonData}, {@code password}, {@code basicAuthPassword}, {@code basicAuthUser},
 * {@code user} and {@code jsonData} never leave this class.
 */
public final class GrafanaDatasourcesApi {

    static final String DATASOURCES = "/api/datasources";
    private static final String EXPECTED = "a JSON list of data sources, each with name, type and url";
    /** The only fields kept: none of them holds a secret. */
    static final List<String> KEPT_FIELDS = List.of("name", "uid", "type", "access", "url", "isDefault");

    /** The endpoint whose answer decided the source's findings. */
    public static final String DECIDING = DATASOURCES;

    private GrafanaDatasourcesApi() {
    }

    /**
     * @param received gets the kept form of the answer (the fields above, nothing else), for the evidence
     *                 bundle; an answer that is not a list of data sources is not kept, as it cannot be
     *                 reduced safely (it may be anything, secrets included)
     */
    public static ApiDocument read(SourceFetcher fetcher, SourceSpec spec, BiConsumer<String, byte[]> received) throws SourceReadException {
        JsonNode answer = ComponentApiAnswers.parse(fetcher.fetchApi(spec, DATASOURCES, EXPECTED), DATASOURCES, EXPECTED);
        if (!answer.isArray()) {
            throw new SourceReadException("GET " + DATASOURCES + ": the answer is " + (answer.isObject() ? "an object" : "a single value")
                    + (answer.isObject() && answer.has("message") ? " with a message (an error answer)" : "") + "; expected " + EXPECTED);
        }
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode document = json.createObjectNode();
        document.put("apiVersion", 1);
        ArrayNode datasources = document.putArray("datasources");
        int index = 0;
        for (JsonNode source : answer) {
            if (!source.isObject() || !source.path("type").isString()) {
                throw new SourceReadException("GET " + DATASOURCES + ": item " + index + " is not a data source with a type; expected " + EXPECTED);
            }
            ObjectNode kept = datasources.addObject();
            for (String field : KEPT_FIELDS) {
                JsonNode value = source.get(field);
                if (value != null && value.isValueNode() && !value.isNull()) {
                    kept.set(field, value);
                }
            }
            index++;
        }
        byte[] bytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
        received.accept(DATASOURCES, bytes);
        return new ApiDocument(bytes, "Grafana API " + DATASOURCES + " (" + index + " data sources, secrets left out)");
    }
}
