package io.residency.auditor.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.residency.auditor.CliRun;
import io.residency.auditor.TestPaths;
import io.residency.auditor.cli.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Policies, estates and waivers are validated at load: each hostile one exits 2 before the run
 * starts, with one line naming the file, the place (line and path) and what was expected, and
 * never quoting a planted secret.
 */
class HostileDeclarationsTest {

    private static final String SECRET = HostileBoundsTest.SECRET;
    private static final Duration HANG = Duration.ofSeconds(120);

    @TempDir
    static Path dir;

    /** Which file a case replaces, what it holds, and what the single error line must say. */
    record Case(String name, String role, String content, List<String> expected) {
        @Override
        public String toString() {
            return role + ": " + name;
        }
    }

    private static final String POLICY = """
            version: 1
            jurisdictions:
              EU: {frameworks: [GDPR], regions: [eu-west-1]}
              US: {frameworks: [SOX], regions: [us-east-1]}
            dataClasses:
              logs: {personalData: true}
            frameworks:
              GDPR: {storageInJurisdiction: [logs]}
              SOX: {}
            """;
    private static final String PII = "pii:\n  labelNamePatterns: [\"(?i).*mail.*\"]\n  valueDetectors: [email]\n  allowLabels: [job]\n";
    private static final String ESTATE = "regions:\n  - name: eu-west-1\n    sources: [{kind: loki, file: loki-eu.yaml}]\n";

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        // §5 policy
        cases.add(new Case("invalid regex in labelNamePatterns", "policy",
                POLICY + "pii:\n  labelNamePatterns: [\"(?i).*mail.*\", \"([unclosed\"]\n  valueDetectors: [email]\n",
                List.of("line 11, pii.labelNamePatterns[1]", "not a valid regular expression", "expected a Java regular expression")));
        cases.add(new Case("unknown value detector", "policy", POLICY + "pii:\n  labelNamePatterns: []\n  valueDetectors: [email, ssn]\n",
                List.of("pii.valueDetectors[1]", "unknown value detector 'ssn'", "expected one of [email, ipv4")));
        cases.add(new Case("missing PII settings", "policy", POLICY,
                List.of("missing PII settings; expected pii: {labelNamePatterns, valueDetectors, allowLabels}")));
        cases.add(new Case("PII settings that detect nothing", "policy", POLICY + "pii: {allowLabels: [job]}\n",
                List.of("pii", "no labelNamePatterns and no valueDetectors")));
        cases.add(new Case("allowLabels not a label name", "policy", POLICY + PII.replace("[job]", "[\"job name\"]"),
                List.of("pii.allowLabels[0]", "not a label name")));
        cases.add(new Case("unknown data class in a framework rule", "policy", POLICY.replace("storageInJurisdiction: [logs]", "storageInJurisdiction: [blobs]") + PII,
                List.of("line 8, frameworks.GDPR.storageInJurisdiction[0]", "unknown data class 'blobs'; expected one of [logs]")));
        cases.add(new Case("region in two jurisdictions", "policy", POLICY.replace("regions: [us-east-1]", "regions: [eu-west-1]") + PII,
                List.of("line 4, jurisdictions.US.regions[0]", "region eu-west-1 is already in jurisdiction EU")));
        cases.add(new Case("version holding a secret", "policy", POLICY.replace("version: 1", "version: " + SECRET) + PII,
                List.of("line 1", "version", "expected a whole number")));
        cases.add(new Case("a passwd file as the policy", "policy", resource("hostile/not-a-policy.txt"), List.of("expected")));
        // §5 estate
        cases.add(new Case("duplicate source ids", "estate", "regions:\n  - name: eu-west-1\n    sources:\n      - {id: a, kind: loki, file: x.yaml}\n"
                + "  - name: us-east-1\n    sources:\n      - {id: a, kind: loki, file: y.yaml}\n",
                List.of("line 7, regions[1].sources[0].id", "source id already used at regions[0].sources[0].id")));
        cases.add(new Case("a source URL that is not http", "estate", "regions:\n  - name: eu-west-1\n    sources:\n      - {kind: loki, url: \"ftp://u:"
                + SECRET + "@h/config\"}\n", List.of("line 4, regions[0].sources[0].url", "not an http or https URL")));
        cases.add(new Case("a source URL with spaces", "estate", "regions:\n  - name: eu-west-1\n    sources:\n      - {kind: loki, url: \"http://h/" + SECRET
                + " x\"}\n", List.of("regions[0].sources[0].url", "not a valid URL")));
        cases.add(new Case("a querier URL without a host", "estate", ESTATE + "central: {region: us-east-1, thanos: {url: \"http:///" + SECRET + "\"}}\n",
                List.of("central.thanos.url", "a URL without a host")));
        cases.add(new Case("an empty endpoints list", "estate", ESTATE + "endpoints:\n  eu-west-1: []\n",
                List.of("endpoints.eu-west-1", "no host patterns")));
        cases.add(new Case("a blank endpoints pattern", "estate", ESTATE + "endpoints:\n  eu-west-1: [\"*.eu.example.com\", \" \"]\n",
                List.of("endpoints.eu-west-1[1]", "empty pattern")));
        cases.add(new Case("an over-long endpoints pattern", "estate", ESTATE + "endpoints:\n  eu-west-1: [\"" + "a".repeat(300) + ".com\"]\n",
                List.of("endpoints.eu-west-1[0]", "pattern longer than 253 characters")));
        cases.add(new Case("an endpoints pattern with a star inside a label", "estate", ESTATE + "endpoints:\n  eu-west-1: [\"*eu-west-1.example.com\"]\n",
                List.of("endpoints.eu-west-1[0]", "'*' is allowed only as the whole first label")));
        cases.add(new Case("an endpoints pattern that ends in a star", "estate", ESTATE + "endpoints:\n  eu-west-1: [\"s3.eu-west-1.amazonaws.com*\"]\n",
                List.of("endpoints.eu-west-1[0]", "'*' is allowed only as the whole first label")));
        cases.add(new Case("an endpoints wildcard over a top-level name", "estate", ESTATE + "endpoints:\n  eu-west-1: [\"*.com\"]\n",
                List.of("endpoints.eu-west-1[0]", "would match every host under a top-level name")));
        cases.add(new Case("an endpoints pattern written as a URL", "estate", ESTATE + "endpoints:\n  eu-west-1: [\"https://loki.eu.example.com:3100\"]\n",
                List.of("endpoints.eu-west-1[0]", "without scheme, port or path")));
        cases.add(new Case("a tenant listed twice", "estate", ESTATE + "tenants: [{id: t1, sox: false}, {id: t1, sox: true}]\n",
                List.of("tenants[1].id", "tenant id already used by tenants[0]")));
        cases.add(new Case("negative concurrency", "estate", ESTATE + "aws: {concurrency: -4}\n", List.of("aws.concurrency", "expected at least 1")));
        cases.add(new Case("a scan deadline that is not a duration", "estate", ESTATE + "central: {region: us-east-1, thanos: {url: \"http://q:9090\", scanDeadline: forever}}\n",
                List.of("central.thanos.scanDeadline", "expected a duration such as 10m")));
        cases.add(new Case("allowFilesOutside as text", "estate", ESTATE + "allowFilesOutside: " + SECRET + "\n",
                List.of("allowFilesOutside", "expected true or false")));
        cases.add(new Case("a passwd file as the estate", "estate", resource("hostile/not-a-policy.txt"), List.of("expected")));
        // §5 waivers (validated at load; the exceptions-register rules come with the reports issue)
        String waiver = "waivers:\n  - {control: RES-EGRESS, resource: \"eu-west-1/*\", reason: r, approver: a, expires: 2027-01-31}\n";
        cases.add(new Case("unknown control id", "waivers", waiver.replace("RES-EGRESS", "RES-NOPE"),
                List.of("line 2, waivers[0].control", "unknown control id 'RES-NOPE'", "RES-EGRESS")));
        cases.add(new Case("missing reason", "waivers", waiver.replace("reason: r, ", ""), List.of("waivers[0].reason", "expected the reason")));
        cases.add(new Case("missing approver", "waivers", waiver.replace("approver: a, ", ""), List.of("waivers[0].approver", "expected who approved")));
        cases.add(new Case("expiry not a date", "waivers", waiver.replace("2027-01-31", SECRET), List.of("waivers[0].expires", "expected a date such as 2027-03-31")));
        cases.add(new Case("a passwd file as the waivers", "waivers", resource("hostile/not-a-policy.txt"), List.of("expected")));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aHostileDeclarationExitsTwoNamingFilePlaceAndExpectation(Case hostile) throws IOException {
        Path estateFolder = Files.createDirectories(dir.resolve(UUID.randomUUID().toString()));
        Path file = estateFolder.resolve(hostile.role() + ".yaml");
        Files.writeString(file, hostile.content());
        Path estate = hostile.role().equals("estate") ? file : TestPaths.resource("estates/compliant/estate.yaml");
        List<String> args = new ArrayList<>(List.of("gate", "--offline", "--estate", estate.toString(), "--db", "jdbc:h2:mem:" + UUID.randomUUID(),
                "--out", estateFolder.resolve("out").toString()));
        if (!hostile.role().equals("estate")) {
            args.addAll(List.of("--" + hostile.role(), file.toString()));
        }

        CliRun run = assertTimeoutPreemptively(HANG, () -> CliRun.of(args.toArray(String[]::new)));

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.stderr()).startsWith("error: " + file).contains(hostile.expected());
        assertThat(run.stderr().lines().count()).as(run.stderr()).isLessThan(4);
        assertThat(run.output()).doesNotContain(SECRET).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void aDeviceAsThePolicyIsRefusedBeforeReading() {
        assertRefused("--policy", "/dev/zero", "/dev/zero: is not a regular file (a FIFO, device or socket)");
    }

    @Test
    void aFifoAsTheWaiversDoesNotHang() throws Exception {
        Path fifo = dir.resolve("fifo-" + UUID.randomUUID());
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        assertRefused("--waivers", fifo.toString(), fifo + ": is not a regular file");
    }

    @Test
    void aFolderAsTheEstateIsRefused() {
        CliRun run = assertTimeoutPreemptively(HANG, () -> CliRun.of("gate", "--offline", "--estate", dir.toString(),
                "--db", "jdbc:h2:mem:" + UUID.randomUUID(), "--out", dir.resolve("out").toString()));
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.stderr()).startsWith("error: " + dir + ": is a folder; expected an estate");
    }

    private static void assertRefused(String option, String file, String expected) {
        CliRun run = assertTimeoutPreemptively(HANG, () -> CliRun.of("gate", "--offline", "--estate",
                TestPaths.resource("estates/compliant/estate.yaml").toString(), option, file,
                "--db", "jdbc:h2:mem:" + UUID.randomUUID(), "--out", dir.resolve("out").toString()));
        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.stderr()).startsWith("error: " + expected);
        assertThat(run.output()).doesNotContain("Exception");
    }

    private static String resource(String name) {
        try {
            return Files.readString(TestPaths.resource(name));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
