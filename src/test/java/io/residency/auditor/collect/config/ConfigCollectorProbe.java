package io.residency.auditor.collect.config;

import io.residency.auditor.estate.SourceSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Runs text through the real reading and parsing path of one source, for tests of hostile input. */
public final class ConfigCollectorProbe {

    private static final EndpointRegions ENDPOINTS = new EndpointRegions(Map.of("eu-west-1", List.of("*.eu.internal")));

    private ConfigCollectorProbe() {
    }

    public static String readLoki(String text) {
        return read("loki", text);
    }

    /** @return "facts: ..." when read, "refused: message" when refused as an unreadable source */
    public static String read(String kind, String text) {
        return read(kind, "raw", text.getBytes(StandardCharsets.UTF_8));
    }

    public static String read(String kind, String format, byte[] bytes) {
        SourceSpec spec = new SourceSpec(null, kind, "probe.yaml", null, format, null, null, null, null, null);
        try {
            // Through a file, as the collector reads one: the size limit applies before any parsing.
            Path file = Files.createTempFile("probe", ".yaml");
            Files.write(file, bytes);
            byte[] read;
            try {
                read = new SourceFetcher(Duration.ofSeconds(1), Duration.ofSeconds(1), name -> null).fetchFile(file);
            } finally {
                Files.delete(file);
            }
            SourceKind sourceKind = SourceKinds.registered().get(kind);
            ConfigDocument document = new ConfigDocumentReader(new EnvExpander(name -> null)).read(read, spec, sourceKind);
            ParsedConfig parsed = ConfigCollector.parse(sourceKind, document, new ParseContext("eu-west-1", ENDPOINTS, null));
            return "facts: " + parsed;
        } catch (SourceReadException e) {
            return "refused: " + e.getMessage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
