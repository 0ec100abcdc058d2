package io.residency.auditor.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a bundle's {@code findings.json} says a run judged: its id, estate and start time, and the
 * status of each finding by fingerprint. Findings carried over from an earlier run (their source
 * could not be read again) are kept apart: they were not judged over this run's facts.
 *
 * @param carriedOver fingerprint to status of the findings carried over, not re-performable from the bundle
 * @param names       fingerprint to "control resource", to name a finding in a difference
 */
public record BundleFindings(String runId, String estateId, Instant startedAt, Map<String, String> statuses,
                             Map<String, String> carriedOver, Map<String, String> names) {

    public static final String FILE_NAME = "findings.json";

    /** @return empty when the folder holds no readable {@code findings.json} of the expected shape */
    public static Optional<BundleFindings> read(Path bundle) throws IOException {
        Path file = bundle.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode run = null;
        boolean findingsArray = false;
        Map<String, String> statuses = new TreeMap<>();
        Map<String, String> carried = new TreeMap<>();
        Map<String, String> names = new TreeMap<>();
        // Read as a stream, one finding at a time: a large run's findings.json is never held as one tree.
        // Each finding is read as a tree of its own from the middle of the file: what follows it is not "trailing".
        JsonMapper mapper = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
        try (JsonParser parser = mapper.createParser(file)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String section = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("run".equals(section)) {
                    run = mapper.readTree(parser);
                } else if ("findings".equals(section) && value == JsonToken.START_ARRAY) {
                    findingsArray = true;
                    for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser.nextToken()) {
                        if (element == null) {
                            return Optional.empty();
                        }
                        JsonNode finding = mapper.readTree(parser);
                        String fingerprint = finding.path("fingerprint").asString();
                        String status = finding.path("status").asString();
                        names.put(fingerprint, finding.path("control").asString() + " " + finding.path("resource").asString());
                        (finding.path("evidence").has("recheck_error") ? carried : statuses).put(fingerprint, status);
                    }
                } else {
                    parser.skipChildren();
                }
            }
        } catch (JacksonException e) {
            return Optional.empty();
        }
        if (run == null || !run.path("id").isString() || !run.path("startedAt").isString() || !findingsArray) {
            return Optional.empty();
        }
        Instant startedAt;
        try {
            startedAt = Instant.parse(run.path("startedAt").asString());
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
        return Optional.of(new BundleFindings(run.path("id").asString(), run.path("estate").asString(), startedAt, statuses, carried, names));
    }
}
