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

/** The estate's AWS accounts are checked at load: each once, each with its own role, accounts or an organization. */
class AwsAccountsEstateTest {

    @TempDir
    Path dir;

    private final EstateLoader loader = new EstateLoader(new YamlInputReader(Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator()),
            SourceKinds.registered().names());

    private Path estate(String aws) throws IOException {
        return Files.writeString(dir.resolve("estate.yaml"), """
                regions:
                  - {name: eu-west-1, sources: [{kind: loki, file: loki.yaml}]}
                aws:
                %s""".formatted(aws.indent(2)));
    }

    @Test
    void accountsAndAnOrganizationAreReadWithTheirRoles() throws IOException {
        Path file = estate("""
                region: us-east-1
                accounts:
                  - {id: "111122223333", roleArn: "arn:aws:iam::111122223333:role/ResidencyAuditor", externalId: ext-1, regions: [eu-west-1]}
                """);

        AwsSettings aws = loader.load(file).estate().aws();

        assertThat(aws.manyAccounts()).isTrue();
        assertThat(aws.accounts().get(0).roleAccount()).isEqualTo("111122223333");
        assertThat(new AwsOrganization("ResidencyAuditor", null, "aws-us-gov").roleArn("444455556666"))
                .isEqualTo("arn:aws-us-gov:iam::444455556666:role/ResidencyAuditor");
    }

    @Test
    void aRoleOfAnotherAccountIsRefusedNamingTheLine() throws IOException {
        Path file = estate("""
                accounts:
                  - {id: "111122223333", roleArn: "arn:aws:iam::999999999999:role/ResidencyAuditor"}
                """);

        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(InvalidInputException.class)
                .hasMessage(file + ": line 5, aws.accounts[0].roleArn: the role belongs to account 999999999999, not 111122223333;"
                        + " expected the audit role of the account itself");
    }

    @Test
    void anAccountListedTwiceIsRefused() throws IOException {
        Path file = estate("""
                accounts:
                  - {id: "111122223333", roleArn: "arn:aws:iam::111122223333:role/A"}
                  - {id: "111122223333", roleArn: "arn:aws:iam::111122223333:role/B"}
                """);

        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("aws.accounts[1].id: account already listed at aws.accounts[0]");
    }

    @Test
    void accountsAndAnOrganizationTogetherAreRefused() throws IOException {
        Path file = estate("""
                accounts:
                  - {id: "111122223333", roleArn: "arn:aws:iam::111122223333:role/A"}
                organization: {roleName: ResidencyAuditor}
                """);

        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("aws.organization: both accounts and organization are set");
    }

    @Test
    void anAccountIdThatIsNotTwelveDigitsOrARoleThatIsNotAnArnIsRefused() throws IOException {
        Path badId = estate("""
                accounts:
                  - {id: "1111", roleArn: "arn:aws:iam::111122223333:role/A"}
                """);
        assertThatThrownBy(() -> loader.load(badId)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("expected a 12-digit account id");

        Path badArn = estate("""
                accounts:
                  - {id: "111122223333", roleArn: "ResidencyAuditor"}
                """);
        assertThatThrownBy(() -> loader.load(badArn)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("expected a role ARN such as arn:aws:iam::111122223333:role/ResidencyAuditor");
    }

    @Test
    void anStsEndpointThatIsNotAUrlIsRefused() throws IOException {
        Path file = estate("""
                stsEndpoint: "sts.amazonaws.com"
                accounts:
                  - {id: "111122223333", roleArn: "arn:aws:iam::111122223333:role/A"}
                """);

        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("aws.stsEndpoint: not an http or https URL");
    }
}
