package io.residency.auditor.estate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.residency.auditor.CliRun;
import io.residency.auditor.TestPaths;
import io.residency.auditor.cli.ExitCode;
import io.residency.auditor.collect.config.SourceKinds;
import io.residency.auditor.input.InvalidInputException;
import io.residency.auditor.input.YamlInputReader;
import jakarta.validation.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An estate names only registered source kinds; any other kind is bad input at load, before anything is collected. */
class EstateSourceKindsTest {

    /** The registry's names, sorted: the message lists them as they are, so a new kind needs no change here. */
    private static final String KNOWN = SourceKinds.registered().names().toString();

    @TempDir
    Path dir;

    private final EstateLoader loader = new EstateLoader(new YamlInputReader(Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator()),
            SourceKinds.registered().names());

    private Path estate(String yaml) throws IOException {
        return Files.writeString(dir.resolve("estate.yaml"), yaml);
    }

    @Test
    void anUnknownKindNamesTheFileTheLineAndTheKnownKindsSorted() throws IOException {
        Path file = estate("""
                regions:
                  - name: eu-west-1
                    sources:
                      - {kind: loki, file: loki.yaml}
                      - {kind: jaeger, file: jaeger.yaml}
                """);

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(file + ": line 5, regions[0].sources[1].kind: unknown source kind 'jaeger'; expected one of " + KNOWN);
    }

    @Test
    void anUnknownKindAmongTheCentralSourcesIsRefusedToo() throws IOException {
        Path file = estate("""
                regions:
                  - name: eu-west-1
                    sources: [{kind: loki, file: loki.yaml}]
                central:
                  region: us-east-1
                  sources:
                    - kind: grafana
                      file: datasources.yaml
                """);

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(file + ": line 7, central.sources[0].kind: unknown source kind 'grafana'; expected one of " + KNOWN);
    }

    @Test
    void aSourceWithoutAKindNamesTheKnownKinds() throws IOException {
        Path file = estate("""
                regions:
                  - name: eu-west-1
                    sources:
                      - file: loki.yaml
                """);

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(file + ": line 4, regions[0].sources[0]")
                .hasMessageEndingWith("no source kind; expected one of " + KNOWN);
    }

    @Test
    void theKnownKindsAreListedSortedWhateverOrderTheyAreGivenIn() throws IOException {
        EstateLoader unsorted = new EstateLoader(new YamlInputReader(Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator()),
                List.of("tempo", "loki"));
        Path file = estate("regions:\n  - name: eu-west-1\n    sources: [{kind: prometheus, file: p.yml}]\n");

        assertThatThrownBy(() -> unsorted.load(file)).hasMessageEndingWith("unknown source kind 'prometheus'; expected one of [loki, tempo]");
    }

    @Test
    void everyRegisteredKindLoads() throws IOException {
        StringBuilder yaml = new StringBuilder("regions:\n  - name: eu-west-1\n    sources:\n");
        SourceKinds.registered().names().forEach(kind -> yaml.append("      - {kind: ").append(kind).append(", file: ").append(kind).append(".yaml}\n"));

        LoadedEstate loaded = loader.load(estate(yaml.toString()));

        assertThat(loaded.estate().regions().get(0).sources()).extracting(SourceSpec::kind)
                .containsExactlyElementsOf(SourceKinds.registered().names());
    }

    @Test
    void theCliExitsTwoOnAnUnknownKindBeforeCollectingAnything() {
        Path unknownKind = TestPaths.resource("estates/unknown-kind/estate.yaml");

        CliRun run = CliRun.of("gate", "--offline", "--estate", unknownKind.toString(), "--db", "jdbc:h2:mem:" + UUID.randomUUID(),
                "--out", dir.resolve("out").toString());

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.stderr()).contains(unknownKind.toString(), "line 6, regions[0].sources[1].kind",
                "unknown source kind 'jaeger'; expected one of " + KNOWN);
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
