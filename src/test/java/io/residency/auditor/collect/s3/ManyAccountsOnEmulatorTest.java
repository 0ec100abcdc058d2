package io.residency.auditor.collect.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.residency.auditor.CliRun;
import io.residency.auditor.EmbeddedPostgresDatabases;
import io.residency.auditor.EvidenceBundles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;

/**
 * Three AWS accounts audited through STS AssumeRole against a local STS stand-in and one in-JVM S3
 * emulator per account (a front routes each session to its account's S3 by its access key, as S3
 * serves each account its own buckets): two accounts' roles trust the auditor, the third's does not.
 * Lifecycle and Object Lock, which the emulator lacks, are answered by the front with S3's XML.
 */
class ManyAccountsOnEmulatorTest {

    static final String EU_ACCOUNT = ThreeAccountStandIns.EU_ACCOUNT;
    static final String US_ACCOUNT = ThreeAccountStandIns.US_ACCOUNT;
    static final String DENYING_ACCOUNT = ThreeAccountStandIns.DENYING_ACCOUNT;

    /** logs-us: a lifecycle rule expires acme-finance's chunks after 30 days (the SOX violation). */
    static final String SHORT_LIFECYCLE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <LifecycleConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
                <Rule>
                    <ID>expire-finance-chunks</ID>
                    <Filter>
                        <Prefix>acme-finance/</Prefix>
                    </Filter>
                    <Status>Enabled</Status>
                    <Expiration>
                        <Days>30</Days>
                    </Expiration>
                </Rule>
                <Rule>
                    <ID>tmp-cleanup</ID>
                    <Filter>
                        <Prefix>tmp/</Prefix>
                    </Filter>
                    <Status>Enabled</Status>
                    <Expiration>
                        <Days>1</Days>
                    </Expiration>
                </Rule>
            </LifecycleConfiguration>
            """;

    static final String NO_LIFECYCLE = ThreeAccountStandIns.NO_LIFECYCLE;

    static final String COMPLIANCE_LOCK = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ObjectLockConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
                <ObjectLockEnabled>Enabled</ObjectLockEnabled>
                <Rule>
                    <DefaultRetention>
                        <Mode>COMPLIANCE</Mode>
                        <Years>8</Years>
                    </DefaultRetention>
                </Rule>
            </ObjectLockConfiguration>
            """;

    static final String NO_LOCK = ThreeAccountStandIns.NO_LOCK;

    private static ThreeAccountStandIns accounts;

    @TempDir
    Path dir;

    @BeforeAll
    static void startAccounts() {
        accounts = new ThreeAccountStandIns();
        try (S3Client s3 = accounts.euAccount()) {
            S3Scenario.bucket(s3, "logs-eu", "eu-west-1", true);
        }
        try (S3Client s3 = accounts.usAccount()) {
            S3Scenario.bucket(s3, "logs-us", "us-east-1", true);
            S3Scenario.bucket(s3, "logs-us-locked", "us-east-1", true);
        }
    }

    @AfterAll
    static void stopAccounts() {
        accounts.close();
    }

    @BeforeEach
    void auditorsOwnCredentials() {
        ThreeAccountStandIns.useAuditorCredentials();
    }

    @AfterEach
    void clearCredentials() {
        ThreeAccountStandIns.clearAuditorCredentials();
    }

    private static StsStandIn sts() throws IOException {
        return ThreeAccountStandIns.sts();
    }

    private static String role(String account) {
        return ThreeAccountStandIns.role(account);
    }

    private static FaultyS3Front front() throws IOException {
        return accounts.front()
                .answer("logs-us", "lifecycle", 200, SHORT_LIFECYCLE)
                .answer("logs-us", "object-lock", 404, NO_LOCK.formatted("logs-us"))
                .answer("logs-us-locked", "lifecycle", 404, NO_LIFECYCLE.formatted("logs-us-locked"))
                .answer("logs-us-locked", "object-lock", 200, COMPLIANCE_LOCK)
                .answer("logs-eu", "lifecycle", 404, NO_LIFECYCLE.formatted("logs-eu"))
                .answer("logs-eu", "object-lock", 404, NO_LOCK.formatted("logs-eu"));
    }

    private static final String ACCOUNTS = ThreeAccountStandIns.ACCOUNTS;

    /** Runs the audit and returns the bundle folder; the EU stack also names a bucket of the denying account. */
    private Path audit(String s3Endpoint, String stsEndpoint, String accountsBlock, CliRun[] runOut) throws IOException {
        return audit(s3Endpoint, stsEndpoint, accountsBlock, runOut, "jdbc:h2:mem:" + UUID.randomUUID());
    }

    private Path audit(String s3Endpoint, String stsEndpoint, String accountsBlock, CliRun[] runOut, String jdbcUrl) throws IOException {
        Files.writeString(dir.resolve("loki-eu.yaml"), """
                storage_config:
                  aws: {bucketnames: "logs-eu,logs-eu-third", region: eu-west-1}
                """);
        Files.writeString(dir.resolve("loki-us.yaml"), """
                storage_config:
                  aws: {bucketnames: "logs-us,logs-us-locked", region: us-east-1}
                """);
        Path estate = dir.resolve("estate.yaml");
        Files.writeString(estate, """
                regions:
                  - {name: eu-west-1, sources: [{kind: loki, file: loki-eu.yaml}]}
                  - {name: us-east-1, sources: [{kind: loki, file: loki-us.yaml}]}
                tenants:
                  - {id: acme-finance, sox: true, home: us-east-1}
                aws:
                  region: us-east-1
                  endpoint: %s
                  stsEndpoint: %s
                  organizationsEndpoint: %s
                  buckets: all
                  concurrency: 2
                %s""".formatted(s3Endpoint, stsEndpoint, stsEndpoint, accountsBlock));
        Path out = dir.resolve("out-" + UUID.randomUUID());
        CliRun run = CliRun.of("audit", "--estate", estate.toString(), "--out", out.toString(), "--db", jdbcUrl);
        assertThat(run.exitCode()).as(run.output()).isZero();
        runOut[0] = run;
        return EvidenceBundles.only(out);
    }

    private static JsonNode finding(List<JsonNode> findings, String control, String resource) {
        return findings.stream()
                .filter(f -> f.get("control").asString().equals(control) && f.get("resource").asString().startsWith(resource))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + control + " finding on " + resource + " in " + findings));
    }

    @Test
    void twoTrustingAccountsAreAuditedAndTheDenyingOneIsUnverifiedByName() throws IOException {
        try (StsStandIn sts = sts(); FaultyS3Front front = front()) {
            CliRun[] run = new CliRun[1];
            Path bundle = audit(front.url(), sts.url(), ACCOUNTS, run);
            List<JsonNode> findings = EvidenceBundles.findings(bundle.getParent());

            JsonNode eu = finding(findings, "RES-BUCKET-LOCATION", "s3://logs-eu for");
            assertThat(eu.get("status").asString()).isEqualTo("PASS");
            assertThat(eu.get("message").asString()).isEqualTo("Bucket logs-eu of account " + EU_ACCOUNT + " is in eu-west-1, as the config declares");
            assertThat(eu.get("evidence").get("account").asString()).isEqualTo(EU_ACCOUNT);
            assertThat(finding(findings, "RES-BUCKET-LOCATION", "s3://logs-us-locked for").get("evidence").get("account").asString())
                    .isEqualTo(US_ACCOUNT);

            JsonNode denied = finding(findings, "RES-SOURCE", "aws/s3/" + DENYING_ACCOUNT);
            assertThat(denied.get("status").asString()).isEqualTo("UNVERIFIED");
            assertThat(denied.get("message").asString()).contains("AssumeRole into " + role(DENYING_ACCOUNT), "AccessDenied (HTTP 403)",
                    "trust policy", "sts:ExternalId", "sts:AssumeRole");
            assertThat(finding(findings, "RES-SOURCE", "aws/s3/" + EU_ACCOUNT).get("status").asString()).isEqualTo("PASS");
            assertThat(finding(findings, "RES-SOURCE", "aws/s3/" + US_ACCOUNT).get("status").asString()).isEqualTo("PASS");

            JsonNode third = finding(findings, "RES-BUCKET-LOCATION", "s3://logs-eu-third for");
            assertThat(third.get("status").asString()).isEqualTo("UNVERIFIED");
            assertThat(third.get("message").asString()).contains("may belong to account " + DENYING_ACCOUNT + ", which could not be read");

            assertThat(sts.assumed()).containsExactly(role(EU_ACCOUNT) + " externalId=eu-audit-ext",
                    role(US_ACCOUNT) + " externalId=us-audit-ext", role(DENYING_ACCOUNT) + " externalId=wrong-ext");
        }
    }

    @Test
    void aLifecycleExpirationShorterThanTheMinimumFailsAndObjectLockIsRecordedAsTheStrongestEvidence() throws IOException {
        try (StsStandIn sts = sts(); FaultyS3Front front = front()) {
            Path bundle = audit(front.url(), sts.url(), ACCOUNTS, new CliRun[1]);
            List<JsonNode> findings = EvidenceBundles.findings(bundle.getParent());

            JsonNode expiring = finding(findings, "RES-SOX-RETENTION", "tenant acme-finance logs in s3://logs-us");
            assertThat(expiring.get("resource").asString()).isEqualTo("tenant acme-finance logs in s3://logs-us");
            assertThat(expiring.get("status").asString()).isEqualTo("FAIL");
            assertThat(expiring.get("message").asString()).isEqualTo("S3 lifecycle rule expire-finance-chunks Expiration.Days deletes "
                    + "prefix acme-finance/ of s3://logs-us after 30 days; the minimum is 2557 days (SOX)");
            assertThat(expiring.get("evidenceRef").asString()).isEqualTo("inputs/s3/" + US_ACCOUNT + "/logs-us.json");

            JsonNode locked = finding(findings, "RES-SOX-RETENTION", "tenant acme-finance logs in s3://logs-us-locked");
            assertThat(locked.get("status").asString()).isEqualTo("PASS");
            assertThat(locked.get("message").asString()).isEqualTo("No S3 lifecycle rule of s3://logs-us-locked deletes logs of acme-finance "
                    + "before 2557 days; Object Lock COMPLIANCE protects new objects for 2920 days (the strongest evidence)");
            assertThat(locked.get("evidence").get("object_lock").asString()).isEqualTo("mode COMPLIANCE, 2920 days");
        }
    }

    @Test
    void theAccountAndRetentionVerdictsAreTheSameOnPostgreSQL() throws IOException {
        try (StsStandIn sts = sts(); FaultyS3Front front = front()) {
            Path bundle = audit(front.url(), sts.url(), ACCOUNTS, new CliRun[1], EmbeddedPostgresDatabases.newDatabase());
            List<JsonNode> findings = EvidenceBundles.findings(bundle.getParent());

            assertThat(finding(findings, "RES-SOX-RETENTION", "tenant acme-finance logs in s3://logs-us").get("status").asString()).isEqualTo("FAIL");
            JsonNode locked = finding(findings, "RES-SOX-RETENTION", "tenant acme-finance logs in s3://logs-us-locked");
            assertThat(locked.get("status").asString()).isEqualTo("PASS");
            assertThat(locked.get("message").asString()).endsWith("Object Lock COMPLIANCE protects new objects for 2920 days (the strongest evidence)");
            assertThat(finding(findings, "RES-SOURCE", "aws/s3/" + DENYING_ACCOUNT).get("status").asString()).isEqualTo("UNVERIFIED");
            assertThat(finding(findings, "RES-BUCKET-LOCATION", "s3://logs-eu-third for").get("status").asString()).isEqualTo("UNVERIFIED");
        }
    }

    @Test
    void theRawS3AnswersThatDecidedEachBucketAreInTheBundleUnderTheirAccount() throws IOException {
        try (StsStandIn sts = sts(); FaultyS3Front front = front()) {
            Path bundle = audit(front.url(), sts.url(), ACCOUNTS, new CliRun[1]);

            JsonNode answers = tools.jackson.databind.json.JsonMapper.builder().build()
                    .readTree(Files.readString(bundle.resolve("inputs/s3/" + US_ACCOUNT + "/logs-us.json")));
            assertThat(answers.get("account").asString()).isEqualTo(US_ACCOUNT);
            assertThat(answers.at("/answers/GetBucketLifecycleConfiguration/Rule/0/ID").asString()).isEqualTo("expire-finance-chunks");
            assertThat(answers.at("/answers/GetBucketLifecycleConfiguration/Rule/0/Expiration/Days").asInt()).isEqualTo(30);
            assertThat(answers.at("/answers/GetObjectLockConfiguration/Error/Code").asString()).isEqualTo("ObjectLockConfigurationNotFoundError");
            JsonNode eu = tools.jackson.databind.json.JsonMapper.builder().build()
                    .readTree(Files.readString(bundle.resolve("inputs/s3/" + EU_ACCOUNT + "/logs-eu.json")));
            assertThat(eu.at("/answers/GetBucketLocation/LocationConstraint").asString()).isEqualTo("eu-west-1");
            assertThat(eu.at("/answers/GetBucketLifecycleConfiguration/Error/Code").asString()).isEqualTo("NoSuchLifecycleConfiguration");
            assertThat(Files.readString(bundle.resolve("facts/bucket_fact.jsonl"))).contains("\"account_id\":\"" + US_ACCOUNT + "\"");
            assertThat(CliRun.of("rejudge", bundle.toString()).exitCode()).as("rejudge re-performs the judgement from the bundle").isZero();
        }
    }

    @Test
    void noCredentialOrSessionTokenStsIssuedReachesTheOutputOrTheBundle() throws IOException {
        try (StsStandIn sts = sts(); FaultyS3Front front = front()) {
            CliRun[] run = new CliRun[1];
            Path bundle = audit(front.url(), sts.url(), ACCOUNTS, run);

            StringBuilder everything = new StringBuilder(run[0].output());
            try (Stream<Path> files = Files.walk(bundle)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    everything.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                }
            }
            assertThat(sts.issuedSecrets()).hasSize(4);
            for (String secret : sts.issuedSecrets()) {
                assertThat(everything.toString()).doesNotContain(secret);
            }
            assertThat(everything.toString()).doesNotContain(ThreeAccountStandIns.AUDITOR_SECRET).doesNotContain("ASIAEU").doesNotContain("ASIAUS");
        }
    }

    /** A disabled rule deletes nothing; a rule narrowed by tags may or may not reach the log objects. */
    static final String DISABLED_AND_TAGGED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <LifecycleConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
                <Rule>
                    <ID>old-purge</ID>
                    <Filter><Prefix></Prefix></Filter>
                    <Status>Disabled</Status>
                    <Expiration><Days>1</Days></Expiration>
                </Rule>
                <Rule>
                    <ID>scratch-by-tag</ID>
                    <Filter><Tag><Key>scratch</Key><Value>true</Value></Tag></Filter>
                    <Status>Enabled</Status>
                    <Expiration><Days>10</Days></Expiration>
                </Rule>
            </LifecycleConfiguration>
            """;

    /** Noncurrent versions of Loki's index expire after 90 days: an overwrite or delete loses the index early. */
    static final String NONCURRENT_INDEX = """
            <?xml version="1.0" encoding="UTF-8"?>
            <LifecycleConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
                <Rule>
                    <ID>trim-index-versions</ID>
                    <Filter><Prefix>index/</Prefix></Filter>
                    <Status>Enabled</Status>
                    <NoncurrentVersionExpiration><NoncurrentDays>90</NoncurrentDays></NoncurrentVersionExpiration>
                </Rule>
            </LifecycleConfiguration>
            """;

    @Test
    void aDisabledRuleIsIgnoredATagFilteredOneIsUnverifiedAndANoncurrentExpirationOfTheIndexFails() throws IOException {
        try (StsStandIn sts = sts(); FaultyS3Front front = front()
                .answer("logs-us", "lifecycle", 200, DISABLED_AND_TAGGED)
                .answer("logs-us-locked", "lifecycle", 200, NONCURRENT_INDEX)) {
            Path bundle = audit(front.url(), sts.url(), ACCOUNTS, new CliRun[1]);
            List<JsonNode> findings = EvidenceBundles.findings(bundle.getParent());

            JsonNode tagged = finding(findings, "RES-SOX-RETENTION", "tenant acme-finance logs in s3://logs-us");
            assertThat(tagged.get("resource").asString()).isEqualTo("tenant acme-finance logs in s3://logs-us");
            assertThat(tagged.get("status").asString()).isEqualTo("UNVERIFIED");
            assertThat(tagged.get("message").asString()).isEqualTo("S3 lifecycle rule scratch-by-tag Expiration.Days deletes objects of "
                    + "s3://logs-us matching tags or sizes after 10 days; whether log objects match cannot be told");
            JsonNode index = finding(findings, "RES-SOX-RETENTION", "tenant acme-finance logs in s3://logs-us-locked");
            assertThat(index.get("status").asString()).isEqualTo("FAIL");
            assertThat(index.get("message").asString()).isEqualTo("S3 lifecycle rule trim-index-versions NoncurrentVersionExpiration.NoncurrentDays "
                    + "deletes noncurrent versions, prefix index/ of s3://logs-us-locked after 90 days; the minimum is 2557 days (SOX)");
        }
    }

    @Test
    void deniedLifecycleAndObjectLockReadsAreUnverifiedNamingThePermission() throws IOException {
        try (StsStandIn sts = sts(); FaultyS3Front front = front()
                .fail("logs-us", "lifecycle", 403, "AccessDenied", Integer.MAX_VALUE)
                .fail("logs-us-locked", "object-lock", 403, "AccessDenied", Integer.MAX_VALUE)) {
            Path bundle = audit(front.url(), sts.url(), ACCOUNTS, new CliRun[1]);
            List<JsonNode> findings = EvidenceBundles.findings(bundle.getParent());

            JsonNode lifecycle = finding(findings, "RES-SOX-RETENTION", "tenant acme-finance logs in s3://logs-us");
            assertThat(lifecycle.get("status").asString()).isEqualTo("UNVERIFIED");
            assertThat(lifecycle.get("message").asString()).contains("AccessDenied (HTTP 403)", "s3:GetLifecycleConfiguration");
            JsonNode lock = finding(findings, "RES-SOX-RETENTION", "tenant acme-finance logs in s3://logs-us-locked");
            assertThat(lock.get("status").asString()).isEqualTo("UNVERIFIED");
            assertThat(lock.get("message").asString()).contains("AccessDenied (HTTP 403)", "s3:GetBucketObjectLockConfiguration");
        }
    }

    @Test
    void anOrganizationsAccountsAreAuditedThroughTheSameRoleNameAndSuspendedOnesAreSkipped() throws IOException {
        try (StsStandIn sts = sts().organization(Map.of(EU_ACCOUNT, "ACTIVE", US_ACCOUNT, "ACTIVE", "444444444444", "SUSPENDED"));
             FaultyS3Front front = front()) {
            Path bundle = audit(front.url(), sts.url(), """
                      organization: {roleName: ResidencyAuditor, externalId: eu-audit-ext}
                    """, new CliRun[1]);
            List<JsonNode> findings = EvidenceBundles.findings(bundle.getParent());

            assertThat(finding(findings, "RES-SOURCE", "aws/organizations").get("status").asString()).isEqualTo("PASS");
            assertThat(finding(findings, "RES-BUCKET-LOCATION", "s3://logs-eu for").get("status").asString()).isEqualTo("PASS");
            // The US role demands another external id than the organization's: that account alone is not verified.
            assertThat(finding(findings, "RES-SOURCE", "aws/s3/" + US_ACCOUNT).get("status").asString()).isEqualTo("UNVERIFIED");
            assertThat(sts.assumed()).containsExactly(role(EU_ACCOUNT) + " externalId=eu-audit-ext", role(US_ACCOUNT) + " externalId=eu-audit-ext");
        }
    }

    @Test
    void anOrganizationThatCannotBeListedIsUnverifiedNamingListAccounts() throws IOException {
        try (StsStandIn sts = sts().denyOrganizations(); FaultyS3Front front = front()) {
            Path bundle = audit(front.url(), sts.url(), """
                      organization: {roleName: ResidencyAuditor}
                    """, new CliRun[1]);
            List<JsonNode> findings = EvidenceBundles.findings(bundle.getParent());

            JsonNode listing = finding(findings, "RES-SOURCE", "aws/organizations");
            assertThat(listing.get("status").asString()).isEqualTo("UNVERIFIED");
            assertThat(listing.get("message").asString()).contains("AccessDeniedException", "organizations:ListAccounts");
            assertThat(finding(findings, "RES-BUCKET-LOCATION", "s3://logs-eu for").get("status").asString()).isEqualTo("UNVERIFIED");
        }
    }
}
