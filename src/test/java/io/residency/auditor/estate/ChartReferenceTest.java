package io.residency.auditor.estate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChartReferenceTest {

    private static final VersionRange SIX_TO_EIGHT = VersionRange.between(6, 0, 0, 8, 0, 0);

    @Test
    void aNameAloneCoversAnyVersion() {
        ChartReference chart = ChartReference.parse("grafana/loki");

        assertThat(chart.name()).isEqualTo("grafana/loki");
        assertThat(chart.range()).isEqualTo(VersionRange.ANY);
    }

    @Test
    void comparatorsAllHoldAndPartialVersionsCoverTheirReleases() {
        assertThat(ChartReference.parse("grafana/loki@>=6 <7").range()).isEqualTo(VersionRange.between(6, 0, 0, 7, 0, 0));
        assertThat(ChartReference.parse("grafana/loki@<=6").range()).isEqualTo(new VersionRange(0, VersionRange.between(7, 0, 0, 7, 0, 0).from()));
        assertThat(ChartReference.parse("grafana/loki@=6.2").range()).isEqualTo(VersionRange.between(6, 2, 0, 6, 3, 0));
        assertThat(ChartReference.parse("grafana/loki@>6.2.1").range().from()).isEqualTo(VersionRange.between(6, 2, 2, 7, 0, 0).from());
    }

    @Test
    void aRangeIsWithinTheModelledVersionsOnlyWhenEveryVersionIs() {
        assertThat(ChartReference.parse("grafana/loki@>=6 <7").range().within(SIX_TO_EIGHT)).isTrue();
        assertThat(ChartReference.parse("grafana/loki@>=6").range().within(SIX_TO_EIGHT)).isFalse();
        assertThat(ChartReference.parse("grafana/loki@>=5.9 <7").range().within(SIX_TO_EIGHT)).isFalse();
    }

    @Test
    void badSpellingsAreRefusedWithWhatWasExpected() {
        assertThatThrownBy(() -> ChartReference.parse("loki")).hasMessageContaining("expected repository/chart such as grafana/loki");
        assertThatThrownBy(() -> ChartReference.parse("grafana/loki@")).hasMessageContaining("no version range after '@'");
        assertThatThrownBy(() -> ChartReference.parse("grafana/loki@~6")).hasMessageContaining("'~6' is not understood");
        assertThatThrownBy(() -> ChartReference.parse("grafana/loki@>=7 <6")).hasMessageContaining("holds no version");
    }
}
