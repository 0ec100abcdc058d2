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
                org.assertj.core.groups.Tuple.tuple("SOX", "sox", "SOX IT general controls evidence - log residency and retention"));
    }

    @Test
    void gdprMapsRegionChecksToChapterVTransfersAndCitesNeitherArt32NorArt49() {
        Framework gdpr = frameworks.framework("GDPR").orElseThrow();

        assertThat(gdpr.provisions()).extracting(Provision::ref).containsExactly("Art. 44", "Art. 45", "Art. 46", "Art. 47",
                "Art. 5(1)(c)", "Art. 25(1)", "Art. 5(2)");
        assertThat(gdpr.refsOf("RES-LOKI-STORAGE")).containsExactly("Art. 44", "Art. 45");
        assertThat(gdpr.refsOf("RES-BUCKET-REPLICATION")).contains("Art. 44", "Art. 46", "Art. 47");
        assertThat(frameworks.provision("GDPR", "Art. 44").orElseThrow().reading().fail())
                .isEqualTo("transfer outside the EEA with no recorded legal basis (Chapter V, Art. 44-49)");
        assertThat(gdpr.name()).doesNotContain("violation");
    }

    @Test
    void soxMapsUsChecksToItGeneralControlsAndCompanyPolicyNeverToSection802OrRule206() {
        Framework sox = frameworks.framework("SOX").orElseThrow();

        assertThat(sox.provisions()).extracting(Provision::ref).noneMatch(ref -> ref.contains("802") || ref.contains("2-06"));
        assertThat(sox.provisions()).extracting(Provision::why).noneMatch(why -> why.contains("802") || why.contains("2-06"));
        assertThat(sox.refsOf("RES-SOX-RETENTION")).containsExactly("Company policy - retention", "ITGC - computer operations");
        assertThat(frameworks.provision("SOX", "Company policy - retention").orElseThrow().policyParameters())
                .containsExactly("minimumLogRetentionDays");
        assertThat(sox.refsOf("RES-BUCKET-REPLICATION")).contains("ITGC - change management", "ITGC - logical access");
        assertThat(frameworks.maps("GDPR", "RES-SOX-RETENTION")).isFalse();
    }
}
