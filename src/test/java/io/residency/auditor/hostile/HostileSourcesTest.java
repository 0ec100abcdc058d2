package io.residency.auditor.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.residency.auditor.CliRun;
import io.residency.auditor.EvidenceBundles;
import io.residency.auditor.TestPaths;
import io.residency.auditor.cli.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Whole runs over hostile sources: confinement of config files to the estate folder, token files
 * that are not tokens, and values too long for the fact columns. Each ends as an UNVERIFIED
 * RES-SOURCE finding with the reason (never exit 3), and a planted secret is nowhere: not in
 * stdout, stderr, the evidence bundle or the database.
 */
class HostileSourcesTest {

    private static final String SECRET = HostileBoundsTest.SECRET;
    private static final Duration HANG = Duration.ofSeconds(120);
    private static final String LOKI = "common:\n  storage:\n    s3:\n      s3: s3://eu-west-1/logs-eu\n";

    @TempDir
    Path dir;

    @Test
    void aConfigPathWithDotDotOutOfTheEstateFolderIsRefused() throws Exception {
        Path estate = estateWith("file: ../outside.yaml");
        Files.writeString(dir.resolve("outside.yaml"), LOKI + "# " + SECRET + "\n");

        JsonNode source = unverifiedSource(run(estate));
        assertThat(source.get("message").asString()).endsWith("../outside.yaml: is outside the estate file's folder; expected a file inside "
                + "the estate file's folder (or allowFilesOutside: true in the estate, or --allow-files-outside-estate)");
    }

    @Test
    void aCollectorOverlayOutOfTheEstateFolderIsRefusedLikeAnyConfigFile() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("estate"));
        Path estate = folder.resolve("estate.yaml");
        Files.writeString(estate, "regions:\n  - name: eu-west-1\n    sources:\n      - kind: otel-collector\n"
                + "        files: [base.yaml, ../outside.yaml]\n");
        Files.writeString(folder.resolve("base.yaml"), "receivers: {otlp: {}}\nexporters: {debug: {}}\n"
                + "service: {pipelines: {logs: {receivers: [otlp], exporters: [debug]}}}\n");
        Files.writeString(dir.resolve("outside.yaml"), "# " + SECRET + "\n");

        assertThat(unverifiedSource(run(estate)).get("message").asString()).contains("../outside.yaml: is outside the estate file's folder");
    }

    @Test
    void anAbsolutePathOutsideTheFolderIsRefused() throws Exception {
        Path estate = estateWith("file: " + TestPaths.resource("hostile/not-a-policy.txt"));
        assertThat(unverifiedSource(run(estate)).get("message").asString()).contains("is outside the estate file's folder");
    }

    @Test
    void aSymbolicLinkLeadingOutOfTheFolderIsRefused() throws Exception {
        Path estate = estateWith("file: loki.yaml");
        Files.writeString(dir.resolve("outside.yaml"), LOKI + "# " + SECRET + "\n");
        Files.createSymbolicLink(estate.getParent().resolve("loki.yaml"), dir.resolve("outside.yaml"));

        assertThat(unverifiedSource(run(estate)).get("message").asString()).contains("loki.yaml: leads outside the estate file's folder through a symbolic link");
    }

    @Test
    void aSymbolicLinkInsideTheFolderIsRead() throws Exception {
        Path estate = estateWith("file: loki.yaml");
        Files.writeString(estate.getParent().resolve("real.yaml"), LOKI);
        Files.createSymbolicLink(estate.getParent().resolve("loki.yaml"), estate.getParent().resolve("real.yaml"));

        CliRun run = run(estate);
        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
    }

    @Test
    void theEstateMayAllowFilesOutsideItsFolder() throws Exception {
        Path estate = estateWith("file: ../outside.yaml", "allowFilesOutside: true\n");
        Files.writeString(dir.resolve("outside.yaml"), LOKI);

        CliRun run = run(estate);
        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
    }

    @Test
    void theRunMayAllowFilesOutsideTheEstateFolder() throws Exception {
        Path estate = estateWith("file: ../outside.yaml");
        Files.writeString(dir.resolve("outside.yaml"), LOKI);

        CliRun run = run(estate, "--allow-files-outside-estate");
        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
    }

    @Test
    void aTokenFileThatIsNotATokenIsNeverPrinted() throws Exception {
        Path estate = estateWith("url: http://127.0.0.1:9/config\n        tokenFile: " + TestPaths.resource("hostile/token-passwd.txt"));

        CliRun run = assertTimeoutPreemptively(HANG, () -> CliRun.of("audit", "--estate", estate.toString(), "--db", db(),
                "--out", dir.resolve("out").toString()));
        assertThat(run.exitCode()).as(run.output()).isNotEqualTo(ExitCode.RUN_FAILED);
        assertThat(unverifiedSource(run).get("message").asString()).contains("does not hold a valid bearer token (it contains a line break)");
        assertNowhere(run);
    }

    @Test
    void valuesTooLongForTheirColumnsAreCutAndTheSourceIsUnverified() throws Exception {
        String host = "a".repeat(600) + ".example.com";
        Path estate = estateWith("file: loki.yaml");
        Files.writeString(estate.getParent().resolve("loki.yaml"), "common:\n  storage:\n    s3:\n      s3: s3://eu-west-1/logs-eu\n"
                + "      endpoint: https://" + host + "/" + SECRET + "\n      bucketnames: " + "b".repeat(300) + "\n"
                + "limits_config:\n  retention_stream:\n    - {selector: '{app=\"" + "x".repeat(700) + "\"}', period: 24h}\n");

        CliRun run = run(estate);
        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.FINDINGS);
        assertThat(unverifiedSource(run).get("message").asString())
                .contains("a value longer than the ").contains("column holds was cut (over-long host name, selector, tag or path); not verified");
        assertNowhere(run);
    }

    // ---- helpers ----

    private String dbUrl;

    private String db() {
        if (dbUrl == null) {
            dbUrl = "jdbc:h2:file:" + dir.resolve("db").resolve("facts");
        }
        return dbUrl;
    }

    private Path estateWith(String source, String... extra) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("estate"));
        Path estate = folder.resolve("estate.yaml");
        Files.writeString(estate, "regions:\n  - name: eu-west-1\n    sources:\n      - kind: loki\n        " + source + "\n" + String.join("", extra));
        return estate;
    }

    private CliRun run(Path estate, String... options) {
        List<String> args = new ArrayList<>(List.of("gate", "--offline", "--estate", estate.toString(), "--db", db(),
                "--out", dir.resolve("out").toString()));
        args.addAll(List.of(options));
        return assertTimeoutPreemptively(HANG, () -> CliRun.of(args.toArray(String[]::new)));
    }

    private JsonNode unverifiedSource(CliRun run) throws IOException, SQLException {
        assertThat(run.exitCode()).as(run.output()).isNotEqualTo(ExitCode.RUN_FAILED).isNotEqualTo(ExitCode.BAD_INPUT);
        assertNowhere(run);
        List<JsonNode> sources = EvidenceBundles.findings(dir.resolve("out")).stream()
                .filter(f -> f.get("control").asString().equals("RES-SOURCE") && f.get("status").asString().equals("UNVERIFIED")).toList();
        assertThat(sources).hasSize(1);
        return sources.get(0);
    }

    /** The planted secret is in no output, no file of the bundle and no text column of the database. */
    private void assertNowhere(CliRun run) throws IOException, SQLException {
        assertThat(run.output()).doesNotContain(SECRET).doesNotContain("\tat ");
        if (Files.exists(dir.resolve("out"))) {
            try (Stream<Path> files = Files.walk(dir.resolve("out"))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1)).as(file.toString()).doesNotContain(SECRET);
                }
            }
        }
        try (Connection connection = DriverManager.getConnection(db()); Statement statement = connection.createStatement();
             ResultSet tables = statement.executeQuery("SELECT TABLE_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS "
                     + "WHERE TABLE_SCHEMA = 'PUBLIC' AND DATA_TYPE IN ('CHARACTER VARYING', 'CHARACTER LARGE OBJECT')")) {
            List<String[]> columns = new ArrayList<>();
            while (tables.next()) {
                columns.add(new String[] {tables.getString(1), tables.getString(2)});
            }
            for (String[] column : columns) {
                try (Statement count = connection.createStatement();
                     ResultSet found = count.executeQuery("SELECT COUNT(*) FROM \"" + column[0] + "\" WHERE CAST(\"" + column[1]
                             + "\" AS VARCHAR) LIKE '%" + SECRET + "%'")) {
                    found.next();
                    assertThat(found.getInt(1)).as(column[0] + "." + column[1]).isZero();
                }
            }
        }
    }
}
