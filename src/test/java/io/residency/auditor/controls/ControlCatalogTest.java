package io.residency.auditor.controls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ControlCatalogTest {

    private final ControlCatalog controls = ControlCatalog.load();
    private final FrameworkCatalog frameworks = FrameworkCatalog.load();

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
            assertThat(control.frameworks()).isNotEmpty();
            assertThat(control.query()).contains("SELECT", ":runId");
        });
    }

    @Test
    void everyCitedProvisionIsInTheFrameworkCatalogue() {
        for (ControlDefinition control : controls.controls()) {
            control.frameworks().forEach((framework, refs) -> {
                assertThat(frameworks.framework(framework)).as("framework %s of %s", framework, control.id()).isPresent();
                for (String ref : refs) {
                    assertThat(frameworks.provision(framework, ref)).as("%s %s cited by %s", framework, ref, control.id()).isPresent();
                }
            });
        }
    }

    @Test
    void theTransferArticlesAndSoxRetentionAreCatalogued() {
        assertThat(frameworks.framework("GDPR").orElseThrow().provisions()).extracting(Provision::ref)
                .containsAll(List.of("Art. 44", "Art. 45", "Art. 46", "Art. 47", "Art. 48", "Art. 49", "Art. 5(1)(f)", "Art. 32"));
        assertThat(frameworks.framework("SOX").orElseThrow().provisions()).extracting(Provision::ref)
                .containsAll(List.of("Sec. 302", "Sec. 404", "Sec. 802", "Rule 2-06"));
    }
}
