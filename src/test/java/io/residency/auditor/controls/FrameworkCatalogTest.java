package io.residency.auditor.controls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.residency.auditor.input.InvalidInputException;
import io.residency.auditor.policy.FrameworkRules;
import io.residency.auditor.policy.Jurisdiction;
import io.residency.auditor.policy.Policy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A framework the policy defines in its own file is checked against the controls before a run starts. */
class FrameworkCatalogTest {

    private static final FrameworkCatalog BUNDLED = FrameworkCatalog.bundled(ControlCatalog.load());

    @TempDir
    Path dir;

    private Policy policyWith(String id, Path definition) {
        return new Policy(1, Map.of("EU", new Jurisdiction(List.of("GDPR", id), List.of("eu-west-1"))),
                Map.of(), Map.of("GDPR", new FrameworkRules(null, null, null, null, null),
                        id, new FrameworkRules(List.of("logs"), null, null, null, definition == null ? null : definition.toString())), null);
    }

    private Path file(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml);
    }

    @Test
    void aFrameworkFromTheFileThePolicyNamesMapsItsControls() throws IOException {
        Path acme = file("acme.yaml", """
                id: ACME-RES
                name: ACME residency standard
                source: https://acme.example/res
                report: {file: acme-res, title: ACME residency evidence}
                requirements:
                  - {ref: R1, title: Logs stay home, why: Customers were promised, controls: [RES-LOKI-STORAGE]}
                  - {ref: R2, title: No egress, why: Same promise, controls: [RES-EGRESS, RES-LOKI-STORAGE]}
                """);

        FrameworkCatalog catalog = BUNDLED.forPolicy(policyWith("ACME-RES", acme));

        assertThat(catalog.frameworks()).extracting(Framework::id).containsExactly("ACME-RES", "GDPR", "SOX");
        Framework framework = catalog.framework("ACME-RES").orElseThrow();
        assertThat(framework.reportFile()).isEqualTo("acme-res");
        assertThat(framework.refsOf("RES-LOKI-STORAGE")).containsExactly("R1", "R2");
        assertThat(catalog.maps("ACME-RES", "RES-EGRESS")).isTrue();
        assertThat(catalog.maps("ACME-RES", "RES-SOURCE")).isFalse();
    }

    @Test
    void anUnknownControlIsBadInputNamingFileLineAndTheKnownControls() throws IOException {
        Path acme = file("acme.yaml", """
                id: ACME-RES
                name: ACME residency standard
                source: https://acme.example/res
                requirements:
                  - ref: R1
                    title: Logs stay home
                    why: Customers were promised
                    controls: [RES-LOKI-STORAGE, RES-NOPE]
                """);

        assertThatThrownBy(() -> BUNDLED.forPolicy(policyWith("ACME-RES", acme)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(acme.toString())
                .hasMessageContaining("line 8")
                .hasMessageContaining("unknown control 'RES-NOPE'; expected one of [RES-BUCKET-LOCATION");
    }

    @Test
    void aProvisionWithoutControlsOrListedTwiceIsBadInput() throws IOException {
        Path noControls = file("none.yaml", """
                id: ACME-RES
                name: ACME
                source: https://acme.example/res
                requirements:
                  - {ref: R1, title: T, why: W}
                """);
        Path twice = file("twice.yaml", """
                id: ACME-RES
                name: ACME
                source: https://acme.example/res
                requirements:
                  - {ref: R1, title: T, why: W, controls: [RES-EGRESS]}
                  - {ref: R1, title: T, why: W, controls: [RES-EGRESS]}
                """);

        assertThatThrownBy(() -> BUNDLED.forPolicy(policyWith("ACME-RES", noControls)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("requirements[0].controls: expected the ids of the controls");
        assertThatThrownBy(() -> BUNDLED.forPolicy(policyWith("ACME-RES", twice)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'R1' is listed twice");
    }

    @Test
    void aFrameworkWithoutADefinitionIsBadInputNamingTheBundledOnes() {
        assertThatThrownBy(() -> BUNDLED.forPolicy(policyWith("ACME-RES", null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("framework 'ACME-RES' has no definition; expected one of the bundled [GDPR, SOX]");
    }

    @Test
    void aDefinitionOfAnotherIdOrOfABundledOneIsBadInput() throws IOException {
        Path gdpr = file("gdpr.yaml", """
                id: GDPR
                name: Another GDPR
                source: https://acme.example/gdpr
                requirements:
                  - {ref: R1, title: T, why: W, controls: [RES-EGRESS]}
                """);

        assertThatThrownBy(() -> BUNDLED.forPolicy(policyWith("ACME-RES", gdpr)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("defines framework 'GDPR'; expected 'ACME-RES'");
        Policy redefinesGdpr = new Policy(1, Map.of("EU", new Jurisdiction(List.of("GDPR"), List.of("eu-west-1"))), Map.of(),
                Map.of("GDPR", new FrameworkRules(null, null, null, null, gdpr.toString())), null);
        assertThatThrownBy(() -> BUNDLED.forPolicy(redefinesGdpr))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("framework 'GDPR' is defined twice");
    }

    @Test
    void aProvisionsReadingAndCompanyPolicyParametersAreReadAndAnUnknownParameterIsBadInput() throws IOException {
        Path acme = file("acme.yaml", """
                id: ACME-RES
                name: ACME
                source: https://acme.example/res
                requirements:
                  - ref: R1
                    title: T
                    why: W
                    controls: [RES-EGRESS]
                    reading: {fail: leaves ACME, excepted: "leaves ACME under {legalBasis} ({exceptionId})"}
                  - {ref: R2, title: T, why: W, controls: [RES-SOX-RETENTION], policyParameters: [minimumLogRetentionDays]}
                """);
        Path unknown = file("unknown.yaml", """
                id: ACME-RES
                name: ACME
                source: https://acme.example/res
                requirements:
                  - {ref: R2, title: T, why: W, controls: [RES-SOX-RETENTION], policyParameters: [retentionYears]}
                """);

        FrameworkCatalog catalog = BUNDLED.forPolicy(policyWith("ACME-RES", acme));

        assertThat(catalog.provision("ACME-RES", "R1").orElseThrow().reading().excepted()).isEqualTo("leaves ACME under {legalBasis} ({exceptionId})");
        assertThat(catalog.provision("ACME-RES", "R2").orElseThrow().isCompanyPolicy()).isTrue();
        assertThatThrownBy(() -> BUNDLED.forPolicy(policyWith("ACME-RES", unknown)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("requirements[0].policyParameters[0]: unknown policy parameter; expected one of [storageInJurisdiction");
    }
}
