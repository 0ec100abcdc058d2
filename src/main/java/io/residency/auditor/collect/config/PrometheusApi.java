package io.residency.auditor.collect.config;

import io.residency.auditor.estate.SourceSpec;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;
import tools.jackson.databind.JsonNode;

/**
 * A Prometheus read through its own API ({@code api:}): {@code /api/v1/status/config} answers the
 * configuration it has loaded as YAML in {@code data.yaml} (secrets already shown as {@code <secret>}),
 * which the prometheus kind parses as it parses the file; {@code /api/v1/status/flags} must answer too
 * and names the file it was loaded from ({@code config.file}).
 */
public final class PrometheusApi {

    static final String CONFIG = "/api/v1/status/config";
    static final String FLAGS = "/api/v1/status/flags";
    private static final String CONFIG_EXPECTED = "{\"status\":\"success\",\"data\":{\"yaml\":\"<the loaded configuration>\"}}";
    private static final String FLAGS_EXPECTED = "{\"status\":\"success\",\"data\":{\"<flag>\":\"<value>\"}}";

    /** The endpoint whose answer decided the source's findings: the configuration. */
    public static final String DECIDING = CONFIG;

    private PrometheusApi() {
    }

    /**
     * @param received gets each answer as received, by endpoint path, also one cut off or not understood
     *                 (as far as read), for the evidence bundle; Prometheus itself shows secrets as {@code <secret>}
     */
    public static ApiDocument read(SourceFetcher fetcher, SourceSpec spec, BiConsumer<String, byte[]> received) throws SourceReadException {
        byte[] configAnswer = ComponentApiAnswers.fetch(fetcher, spec, CONFIG, CONFIG_EXPECTED, received);
        JsonNode yaml = ComponentApiAnswers.prometheusData(configAnswer, CONFIG, CONFIG_EXPECTED).path("yaml");
        if (!yaml.isString()) {
            throw new SourceReadException("GET " + CONFIG + ": data.yaml is missing or not a string; expected " + CONFIG_EXPECTED);
        }
        byte[] flagsAnswer = ComponentApiAnswers.fetch(fetcher, spec, FLAGS, FLAGS_EXPECTED, received);
        JsonNode flags = ComponentApiAnswers.prometheusData(flagsAnswer, FLAGS, FLAGS_EXPECTED);
        String configFile = flags.path("config.file").asString("");
        String origin = "Prometheus API " + CONFIG + (configFile.isEmpty() ? "" : " (config.file " + configFile + ")");
        return new ApiDocument(yaml.asString().getBytes(StandardCharsets.UTF_8), origin);
    }
}
