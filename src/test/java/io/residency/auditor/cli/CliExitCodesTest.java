package io.residency.auditor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.residency.auditor.CliRun;
import io.residency.auditor.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliExitCodesTest {

    @TempDir
    Path out;

    private final String db = "jdbc:h2:mem:cli-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    private CliRun audit(String estate, String... extra) {
        String[] base = {"audit", "--estate", TestPaths.resource(estate).toString(), "--out", out.toString(), "--db", db};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.of(args);
    }

    @Test
    void compliantEstateExitsZeroEvenWithStrictestFailOn() {
        CliRun run = audit("estates/compliant/estate.yaml", "--fail-on", "low");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        assertThat(run.stdout()).contains("0 FAIL, 0 UNVERIFIED").contains("Evidence bundle: ");
    }

    @Test
    void violatingEstateExitsOneWithFailOnAndZeroWithout() {
        CliRun strict = audit("estates/violating/estate.yaml", "--fail-on", "critical");
        CliRun lenient = audit("estates/violating/estate.yaml");

        assertThat(strict.exitCode()).as(strict.output()).isEqualTo(ExitCode.FINDINGS);
        assertThat(strict.stdout()).contains("FAIL", "RES-LOKI-STORAGE", "s3://logs-eu", "stored in eu-west-2, outside EU");
        assertThat(lenient.exitCode()).as(lenient.output()).isEqualTo(ExitCode.OK);
    }

    @Test
    void unreadableSourcesAreUnverifiedAndFailTheGate() {
        CliRun run = CliRun.of("gate", "--offline", "--estate", TestPaths.resource("estates/unreadable/estate.yaml").toString(),
                "--out", out.toString(), "--db", db);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.FINDINGS);
        assertThat(run.stdout())
                .contains("UNVERIFIED", "missing.yaml", "file not found")
                .contains("broken.yaml", "line 3");
        assertThat(run.output()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void missingEstateExitsTwoNamingTheFile() {
        CliRun run = CliRun.of("audit", "--estate", out.resolve("nowhere.yaml").toString(), "--db", db);

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.stderr()).contains("nowhere.yaml", "file not found", "expected an estate");
        assertThat(run.output()).doesNotContain("\tat ");
    }

    @Test
    void missingPolicyExitsTwoNamingTheFile() {
        CliRun run = audit("estates/compliant/estate.yaml", "--policy", out.resolve("no-policy.yaml").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.stderr()).contains("no-policy.yaml", "file not found", "expected a residency policy");
    }

    @Test
    void policyWithUnknownFrameworkExitsTwoNamingThePlace() {
        CliRun run = audit("estates/compliant/estate.yaml", "--policy", TestPaths.resource("policies/unknown-framework.yaml").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.stderr()).contains("unknown-framework.yaml", "line 4, jurisdictions.EU.frameworks[1]", "unknown framework 'HIPAA'");
    }

    @Test
    void policyWithInvalidRegionExitsTwoNamingThePlace() {
        CliRun run = audit("estates/compliant/estate.yaml", "--policy", TestPaths.resource("policies/bad-region.yaml").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.stderr()).contains("bad-region.yaml", "line 5, jurisdictions.EU.regions[1]", "expected a cloud region such as eu-west-1");
    }

    @Test
    void policyWithUnknownKeyExitsTwoNamingTheLineAndKnownKeys() {
        CliRun run = audit("estates/compliant/estate.yaml", "--policy", TestPaths.resource("policies/unknown-key.yaml").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.stderr()).contains("unknown-key.yaml", "line 2", "unknown key 'jurisdiction'", "jurisdictions");
    }

    @Test
    void negativeSeriesCountLimitExitsTwoSayingWhatIsExpected() throws java.io.IOException {
        Path estate = out.resolve("estate.yaml");
        java.nio.file.Files.writeString(estate, """
                regions:
                  - name: eu-west-1
                central:
                  region: us-east-1
                  thanos:
                    url: http://thanos-query:10902
                    seriesCountLimit: -1
                """);

        CliRun run = CliRun.of("audit", "--estate", estate.toString(), "--out", out.resolve("reports").toString(), "--db", db);

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.stderr()).contains("estate.yaml", "line 7, central.thanos.seriesCountLimit",
                "expected 0 (count every series) or a positive number");
    }

    @Test
    void badFailOnLevelIsAUsageError() {
        CliRun run = audit("estates/compliant/estate.yaml", "--fail-on", "severe");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.stderr()).contains("--fail-on", "severe", "critical, high, medium, low");
    }

    @Test
    void unreachableDatabaseExitsThreeWithoutLeakingThePassword() {
        CliRun run = CliRun.of("audit", "--estate", TestPaths.resource("estates/compliant/estate.yaml").toString(),
                "--out", out.toString(), "--db", "jdbc:postgresql://127.0.0.1:1/audit?user=auditor&password=hunter2secret&connectTimeout=2");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.RUN_FAILED);
        assertThat(run.stderr()).contains("could not open the findings database", "127.0.0.1:1");
        assertThat(run.output()).doesNotContain("hunter2secret").doesNotContain("\tat ");
    }

    @Test
    void demoEstateFailsTheGateOnItsDeliberateConfigViolation() {
        // Offline: the demo's S3 emulator and querier only run under the demo runner.
        CliRun run = CliRun.of("gate", "--offline", "--estate", TestPaths.demoEstate().toString(), "--out", out.toString(), "--db", db);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.FINDINGS);
        assertThat(run.stdout())
                .contains("1 FAIL, 0 UNVERIFIED")
                .contains("RES-LOKI-STORAGE", "eu-west-1/loki storage_config.aws s3://acme-loki-archive")
                .contains("eu-west-1 logs are stored in us-east-1, outside EU");
    }

    @Test
    void verifyAcceptsAFreshBundleAndRejectsItAfterOneByteChanges() throws IOException {
        CliRun run = audit("estates/compliant/estate.yaml");
        Path bundle = onlyBundle();

        CliRun intact = CliRun.of("verify", bundle.toString());
        Path csv = bundle.resolve("gdpr-findings.csv");
        byte[] bytes = Files.readAllBytes(csv);
        bytes[bytes.length - 3] ^= 1;
        Files.write(csv, bytes);
        CliRun tampered = CliRun.of("verify", bundle.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(intact.exitCode()).as(intact.output()).isEqualTo(ExitCode.OK);
        assertThat(intact.stdout()).contains("is intact");
        assertThat(tampered.exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(tampered.stdout()).contains("does NOT match", "gdpr-findings.csv: changed");
    }

    @Test
    void verifyOfAMissingFolderIsBadInput() {
        CliRun run = CliRun.of("verify", out.resolve("no-such-run").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.stderr()).contains("no-such-run", "expected an evidence bundle folder");
    }

    private Path onlyBundle() throws IOException {
        try (Stream<Path> bundles = Files.list(out)) {
            return bundles.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }
}
