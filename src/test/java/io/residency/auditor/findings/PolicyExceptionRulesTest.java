package io.residency.auditor.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.residency.auditor.input.InvalidInputException;
import io.residency.auditor.input.YamlInputReader;
import io.residency.auditor.policy.LoadedPolicy;
import io.residency.auditor.policy.PolicyLoader;
import jakarta.validation.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The policy's rules for exceptions (approvers, maximum term) and its EEA jurisdictions are read and checked at load. */
class PolicyExceptionRulesTest {

    @TempDir
    Path dir;

    private final PolicyLoader loader = new PolicyLoader(new YamlInputReader(Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator()));

    private LoadedPolicy load(String extra) throws IOException {
        return load(extra, "");
    }

    private LoadedPolicy load(String extra, String jurisdiction) throws IOException {
        String bundled = new String(PolicyLoader.bundledBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\njurisdictions:\n", "\njurisdictions:\n" + jurisdiction);
        return loader.load(Files.writeString(dir.resolve("policy.yaml"), bundled + extra));
    }

    @Test
    void theBundledPolicyLetsAnyoneApproveForAtMostOneYearAndPutsTheEuInTheEea() {
        LoadedPolicy bundled = loader.load(null);

        assertThat(bundled.policy().exceptions().approvers()).isEmpty();
        assertThat(bundled.policy().exceptions().term()).isEqualTo(Period.ofYears(1));
        assertThat(bundled.policy().eeaJurisdictions()).containsExactly("EU");
    }

    @Test
    void aPolicyNamesItsApproversTermAndAnEeaJurisdictionOutsideTheEu() throws IOException {
        LoadedPolicy policy = load("""
                exceptions:
                  approvers: [dpo@example.com]
                  maxTerm: P6M
                """, "  NO: {frameworks: [GDPR], regions: [no-east-1], eea: true}\n  CH: {frameworks: [GDPR], regions: [eu-central-2], eea: false}\n");

        assertThat(policy.policy().eeaJurisdictions()).containsExactly("EU", "NO");
        assertThat(policy.policy().exceptions().approvers()).containsExactly("dpo@example.com");
        assertThat(policy.policy().exceptions().term()).isEqualTo(Period.ofMonths(6));
    }

    @Test
    void aTermThatIsNotAPositivePeriodIsBadInputAtItsLine() throws IOException {
        assertThatThrownBy(() -> load("exceptions:\n  maxTerm: forever\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("exceptions.maxTerm").hasMessageContaining("expected an ISO-8601 period such as P1Y");
        assertThatThrownBy(() -> load("exceptions:\n  maxTerm: P0D\n"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("longer than zero");
        assertThatThrownBy(() -> load("exceptions:\n  maxTerm: P1Y-400D\n"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("longer than zero");
        assertThat(load("exceptions:\n  maxTerm: P100Y\n").policy().exceptions().term()).isEqualTo(Period.ofYears(100));
        assertThatThrownBy(() -> load("exceptions:\n  maxTerm: P999999999Y\n"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most P100Y");
    }
}
