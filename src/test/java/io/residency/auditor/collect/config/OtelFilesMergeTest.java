package io.residency.auditor.collect.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.residency.auditor.estate.EstateLoader;
import io.residency.auditor.estate.LoadedEstate;
import io.residency.auditor.facts.CollectedSource;
import io.residency.auditor.facts.EgressFact;
import io.residency.auditor.input.InvalidInputException;
import io.residency.auditor.input.YamlInputReader;
import jakarta.validation.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** files: [base, overlay] read as the collector merges repeated --config flags. */
class OtelFilesMergeTest {

    @TempDir
    Path dir;

    private final EstateLoader loader = new EstateLoader(new YamlInputReader(Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator()),
            SourceKinds.registered().names());

    @Test
    void mapsMergeDeeplyLaterWinsAndListsAreReplaced() {
        JsonMapper json = JsonMapper.shared();
        JsonNode base = json.readTree("{\"a\": {\"x\": 1, \"list\": [1, 2]}, \"b\": 1}");
        JsonNode overlay = json.readTree("{\"a\": {\"y\": 2, \"list\": [3]}, \"b\": 2}");

        assertThat(OtelConfigMerge.merge(base, overlay)).isEqualTo(json.readTree("{\"a\": {\"x\": 1, \"list\": [3], \"y\": 2}, \"b\": 2}"));
        assertThat(base).isEqualTo(json.readTree("{\"a\": {\"x\": 1, \"list\": [1, 2]}, \"b\": 1}"));
    }

    @Test
    void anOverlayReadWithItsBaseUsesTheBasesExportersAndReplacesThePipelinesList() throws IOException {
        Files.writeString(dir.resolve("base.yaml"), """
                exporters:
                  debug:
                  otlp:
                    endpoint: collector.eu-west-1.observe.internal:4317
                service:
                  pipelines:
                    traces: {receivers: [otlp], exporters: [debug]}
                """);
        Files.writeString(dir.resolve("overlay.yaml"), """
                exporters:
                  otlphttp/us:
                    endpoint: https://aps-workspaces.us-east-1.amazonaws.com/otlp
                service:
                  pipelines:
                    traces:
                      exporters: [otlp, otlphttp/us]
                """);
        Path estateFile = dir.resolve("estate.yaml");
        Files.writeString(estateFile, "regions:\n  - name: eu-west-1\n    sources:\n      - {kind: otel-collector, files: [base.yaml, overlay.yaml]}\n"
                + "endpoints:\n  eu-west-1: ['*.eu-west-1.observe.internal']\n");
        LoadedEstate loaded = loader.load(estateFile);

        List<CollectedSource> collected = new ConfigCollector(new SourceFetcher(Duration.ofSeconds(1), Duration.ofSeconds(1), name -> null),
                new EnvExpander(name -> null)).collect(loaded, true);

        CollectedSource source = collected.get(0);
        assertThat(source.source().location()).isEqualTo("base.yaml + overlay.yaml");
        assertThat(source.egress()).extracting(EgressFact::endpoint, EgressFact::destinationRegion).containsExactly(
                tuple("collector.eu-west-1.observe.internal", "eu-west-1"),
                tuple("aps-workspaces.us-east-1.amazonaws.com", "us-east-1"));
    }

    @Test
    void filesIsRefusedAtLoadForAKindThatDoesNotMergeConfigs() throws IOException {
        Path estateFile = dir.resolve("estate.yaml");
        Files.writeString(estateFile, "regions:\n  - name: eu-west-1\n    sources:\n      - {kind: prometheus, files: [a.yml, b.yml]}\n");

        assertThatThrownBy(() -> loader.load(estateFile))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'files' is read only for kind otel-collector");
    }

    @Test
    void filesAndFileTogetherAreRefusedAtLoad() throws IOException {
        Path estateFile = dir.resolve("estate.yaml");
        Files.writeString(estateFile, "regions:\n  - name: eu-west-1\n    sources:\n      - {kind: otel-collector, file: a.yaml, files: [a.yaml]}\n");

        assertThatThrownBy(() -> loader.load(estateFile))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("expected exactly one of 'file', 'files', 'url', 'api' or 'k8s'");
    }

    @Test
    void aBlankEntryInFilesIsRefusedAtLoadWithTheRule() throws IOException {
        Path estateFile = dir.resolve("estate.yaml");
        Files.writeString(estateFile, "regions:\n  - name: eu-west-1\n    sources:\n      - {kind: otel-collector, files: [a.yaml, '']}\n");

        assertThatThrownBy(() -> loader.load(estateFile))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("needs at least one file name");
    }
}
