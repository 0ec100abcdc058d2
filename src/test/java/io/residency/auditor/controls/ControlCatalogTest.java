package io.residency.auditor.controls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ControlCatalogTest {

    private final ControlCatalog controls = ControlCatalog.load();
    private final FrameworkCatalog frameworks = FrameworkCatalog.bundled(controls);

    @Test
    void everyControlIdOfTheDesignIsInTheCatalogOnce() {
        assertThat(controls.controls()).extracting(ControlDefinition::id).doesNotHaveDuplicates()
                .contains("RES-LOKI-STORAGE", "RES-TEMPO-STORAGE", "RES-EGRESS", "RES-SOX-RETENTION", "RES-SOURCE");
    }

    @Test
    void everyControlHasItsMetadataAndAQuery() {
        assertThat(controls.controls()).allSatisfy(control -> {
            assertThat(control.title()).isNotBlank();
            assertThat(control.rationale()).isNotBlank();
            assertThat(control.remediation()).isNotBlank();
            assertThat(control.query()).contains("SELECT", ":runId");
        });
    }

    @Test
    void everyControlSupportsAProvisionOfABundledFramework() {
        assertThat(controls.controls()).allSatisfy(control -> assertThat(frameworks.frameworks())
                .as("a framework file citing %s", control.id()).anySatisfy(f -> assertThat(f.maps(control.id())).isTrue()));
    }

    @Test
    void theBundledFrameworksAreGdprAndSoxWithTheirReportFiles() {
        assertThat(frameworks.frameworks()).extracting(Framework::id, Framework::reportFile, Framework::reportTitle).containsExactly(
                org.assertj.core.groups.Tuple.tuple("GDPR", "gdpr", "GDPR data residency evidence"),
                org.assertj.core.groups.Tuple.tuple("SOX", "sox", "SOX data residency evidence"));
    }

    @Test
    void theTransferArticlesAndSoxRetentionAreCatalogued() {
        assertThat(frameworks.framework("GDPR").orElseThrow().provisions()).extracting(Provision::ref)
                .containsAll(List.of("Art. 44", "Art. 45", "Art. 46", "Art. 47", "Art. 48", "Art. 49", "Art. 5(1)(f)", "Art. 32"));
        assertThat(frameworks.framework("SOX").orElseThrow().provisions()).extracting(Provision::ref)
                .containsAll(List.of("Sec. 302", "Sec. 404", "Sec. 802", "Rule 2-06"));
        assertThat(frameworks.framework("SOX").orElseThrow().refsOf("RES-SOX-RETENTION")).containsExactly("Sec. 404", "Sec. 802", "Rule 2-06");
        assertThat(frameworks.maps("GDPR", "RES-SOX-RETENTION")).isFalse();
    }
}
