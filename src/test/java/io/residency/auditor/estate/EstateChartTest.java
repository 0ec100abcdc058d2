package io.residency.auditor.estate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.residency.auditor.collect.config.SourceKinds;
import io.residency.auditor.input.InvalidInputException;
import io.residency.auditor.input.YamlInputReader;
import jakarta.validation.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The estate's chart: is checked for its spelling at load; whether the auditor models the chart is the collector's question. */
class EstateChartTest {

    @TempDir
    Path dir;

    private final EstateLoader loader = new EstateLoader(new YamlInputReader(Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator()),
            SourceKinds.registered().names());

    private Path estate(String source) throws IOException {
        return Files.writeString(dir.resolve("estate.yaml"), "regions:\n  - name: eu-west-1\n    sources:\n      - " + source + "\n");
    }

    @Test
    void aChartWithARangeIsKept() throws IOException {
        Path file = estate("{kind: loki, file: values.yaml, format: helm-values, chart: 'grafana/loki@>=6 <7'}");

        assertThat(loader.load(file).estate().regions().get(0).sources().get(0).chart()).isEqualTo("grafana/loki@>=6 <7");
    }

    @Test
    void aChartTheAuditorDoesNotModelIsNoLoadError() throws IOException {
        Path file = estate("{kind: loki, file: values.yaml, format: helm-values, chart: bitnami/grafana-loki}");

        assertThat(loader.load(file).estate().regions().get(0).sources().get(0).chart()).isEqualTo("bitnami/grafana-loki");
    }

    @Test
    void aMisspelledRangeNamesTheLineAndWhatWasExpected() throws IOException {
        Path file = estate("{kind: loki, file: values.yaml, format: helm-values, chart: 'grafana/loki@~6'}");

        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line 4, regions[0].sources[0].chart: version range part '~6' is not understood");
    }

    @Test
    void aChartWithoutHelmValuesIsRefused() throws IOException {
        Path file = estate("{kind: loki, file: loki.yaml, chart: grafana/loki}");

        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("expected format: helm-values with it, or no chart");
    }
}
