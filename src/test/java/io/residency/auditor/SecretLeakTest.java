package io.residency.auditor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import io.residency.auditor.EvidenceBundles;
import io.residency.auditor.job.EvidenceLifecycleContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Planted secrets (keys in S3 URLs, secret keys, tokens in URLs and token files) appear nowhere
 * the auditor writes: not in the database, the bundle, stdout/stderr or the verbose log,
 * including error messages about the very lines that hold them.
 */
class SecretLeakTest {

    private static final List<String> SECRETS = List.of(
            "AKIAPLANTEDURLKEY01", "plantedUrlSecret/with+slash", "AKIAPLANTEDKEYID0002", "plantedSecretAccessKey",
            "plantedTempoSecret", "plantedThanosSecret", "plantedBearerToken", "plantedUrlPassword", "plantedQueryToken",
            "plantedSecretInBrokenLine", "plantedEnvSecret");

    @TempDir
    Path dir;

    @Test
    void plantedSecretsAppearNowhereTheAuditorWrites() throws IOException, SQLException {
        try (ConfigServer server = new ConfigServer("/config", """
                common:
                  storage:
                    s3:
                      s3: s3://AKIAPLANTEDURLKEY01:plantedUrlSecret/with+slash@eu-west-1/live-bucket
                """, "plantedBearerToken")) {
            Path estate = writeEstate(server);
            Path out = dir.resolve("out");
            String db = "jdbc:h2:file:" + dir.resolve("db") + ";USER=sa;PASSWORD=";

            CliRun run = CliRun.of("audit", "--estate", estate.toString(), "--out", out.toString(), "--db", db, "--verbose");

            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.stderr()).as("the log was captured").contains("collectConfigs COMPLETED", "Source");
            assertThat(run.stdout()).contains("UNVERIFIED");
            assertNoSecret("stdout and stderr with --verbose", run.output());
            assertNoSecret("the evidence bundle", bundleText(out));
            // The config as read is in the bundle, its secrets replaced in place and listed by line, never by value.
            Path copy = EvidenceBundles.only(out).resolve("inputs/sources/eu-west-1/loki.yaml");
            assertThat(Files.readString(copy)).contains("s3://<redacted>@eu-west-1/logs-eu", "secret_access_key: <redacted>",
                    "bucketnames: keyed-bucket");
            assertThat(Files.readString(EvidenceBundles.only(out).resolve("inputs/redactions.json")))
                    .contains("\"file\" : \"inputs/sources/eu-west-1/loki.yaml\"", "url credentials", "value of secret_access_key");
            assertNoSecret("the database", databaseDump(db));
        }
    }

    private Path writeEstate(ConfigServer server) throws IOException {
        Files.writeString(dir.resolve("loki.yaml"), """
                storage_config:
                  aws:
                    s3: s3://AKIAPLANTEDURLKEY01:plantedUrlSecret/with+slash@eu-west-1/logs-eu
                  named_stores:
                    aws:
                      keyed:
                        bucketnames: keyed-bucket
                        region: eu-west-1
                        access_key_id: AKIAPLANTEDKEYID0002
                        secret_access_key: plantedSecretAccessKey
                """);
        Files.writeString(dir.resolve("tempo.yaml"), """
                storage:
                  trace:
                    backend: s3
                    s3: {bucket: t, endpoint: s3.eu-west-1.amazonaws.com, secret_key: plantedTempoSecret}
                """);
        Files.writeString(dir.resolve("objstore.yml"), "type: S3\nconfig: {bucket: b, endpoint: s3.us-east-1.amazonaws.com, secret_key: plantedThanosSecret}\n");
        Files.writeString(dir.resolve("broken.yaml"), "storage_config:\n  aws:\n    secret_access_key: \"plantedSecretInBrokenLine\n    region: [\n");
        Files.writeString(dir.resolve("wrong-shape.yaml"), "storage_config:\n  aws: plantedEnvSecret\n");
        Files.writeString(dir.resolve("token"), "plantedBearerToken");
        Path estate = dir.resolve("estate.yaml");
        String live = server.url("/config").replace("http://", "http://admin:plantedUrlPassword@") + "?token=plantedQueryToken";
        Files.writeString(estate, """
                regions:
                  - name: eu-west-1
                    sources:
                      - {kind: loki, file: loki.yaml}
                      - {kind: tempo, file: tempo.yaml}
                      - {kind: thanos-objstore, file: objstore.yml}
                      - {kind: loki, file: broken.yaml}
                      - {kind: loki, file: wrong-shape.yaml}
                      - {kind: loki, url: "%s", tokenFile: %s}
                      - {kind: loki, url: "%s", tokenFile: %s}
                """.formatted(live, dir.resolve("token"), server.url("/config"), dir.resolve("token")));
        return estate;
    }

    private static String bundleText(Path out) throws IOException {
        String text = EvidenceBundles.everyText(out);
        assertThat(text).as("the bundle was written, PDFs included").contains("RES-LOKI-STORAGE", "GDPR data residency evidence");
        return text;
    }

    /** Every table and row, as H2's SCRIPT writes it. */
    private String databaseDump(String db) throws SQLException, IOException {
        String dump = H2Scripts.dump(db, dir.resolve("dump.sql"));
        assertThat(dump).as("the dump holds the facts").contains("logs-eu", "keyed-bucket");
        return dump;
    }

    private static void assertNoSecret(String where, String text) {
        for (String secret : SECRETS) {
            assertThat(text).as("%s must not contain %s", where, secret).doesNotContain(secret);
        }
    }
}
