package io.residency.auditor.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.residency.auditor.CliRun;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the audit job promises on every supported database; one subclass per database. */
abstract class AuditJobDatabaseContract {

    @TempDir
    Path out;

    /** A fresh, empty database for each test. */
    abstract String jdbcUrl();

    /** The demo estate judged offline: its querier and buckets only exist when the demo runner starts them. */
    private CliRun auditDemo(String db) {
        return CliRun.of("gate", "--offline", "--fail-on", "none", "--estate", TestPaths.demoEstate().toString(),
                "--out", out.toString(), "--db", db);
    }

    /** The versions of every migration in sql/migrations, in order: all of them must be applied. */
    private static List<String> migrationVersions() throws IOException {
        try (var files = Files.list(Path.of("sql", "migrations"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.+\\.sql"))
                    .map(n -> n.substring(1, n.indexOf("__"))).sorted(Comparator.comparingInt(Integer::parseInt)).toList();
        }
    }

    @Test
    void flywayMigratesAnEmptyDatabaseAndTheJobCompletes() throws SQLException, IOException {
        String db = jdbcUrl();
        CliRun run = auditDemo(db);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        assertThat(strings(db, "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" = TRUE AND \"version\" IS NOT NULL ORDER BY \"installed_rank\""))
                .hasSizeGreaterThanOrEqualTo(3).containsExactlyElementsOf(migrationVersions());
        assertThat(strings(db, "SELECT status FROM batch_job_execution")).containsExactly("COMPLETED");
        List<String> steps = strings(db, "SELECT step_name || ':' || status FROM batch_step_execution ORDER BY step_execution_id");
        // The querier scan runs beside configs-then-buckets, so it may start before or between them.
        assertThat(steps).containsExactlyInAnyOrder("recordScope:COMPLETED", "collectConfigs:COMPLETED", "collectBuckets:COMPLETED",
                "scanSeries:COMPLETED", "evaluateControls:COMPLETED", "compareWithPreviousRun:COMPLETED", "renderEvidence:COMPLETED");
        assertThat(steps.get(0)).isEqualTo("recordScope:COMPLETED");
        assertThat(steps.indexOf("collectConfigs:COMPLETED")).isLessThan(steps.indexOf("collectBuckets:COMPLETED"));
        assertThat(steps.subList(4, 7)).containsExactly("evaluateControls:COMPLETED", "compareWithPreviousRun:COMPLETED",
                "renderEvidence:COMPLETED");
    }

    @Test
    void aRunRecordsItsBookkeepingAndFindings() throws SQLException {
        String db = jdbcUrl();
        auditDemo(db);

        assertThat(strings(db, "SELECT estate_id || '|' || mode || '|' || status || '|' || policy_source FROM audit_run"))
                .containsExactly("demo-estate|gate|COMPLETED|bundled:default-policy.yaml");
        assertThat(strings(db, "SELECT COUNT(*) FROM audit_run WHERE ended_at >= started_at AND LENGTH(estate_sha256) = 64"))
                .containsExactly("1");
        assertThat(strings(db, "SELECT control_id || '|' || status || '|' || resource FROM finding WHERE status <> 'PASS'"))
                .containsExactly("RES-LOKI-STORAGE|FAIL|eu-west-1/loki storage_config.aws s3://acme-loki-archive");
    }

    @Test
    void aSecondRunIsANewRunAndFindingsAreNotDuplicatedWithinARun() throws SQLException {
        String db = jdbcUrl();
        auditDemo(db);
        auditDemo(db);

        assertThat(strings(db, "SELECT COUNT(*) FROM audit_run WHERE status = 'COMPLETED'")).containsExactly("2");
        List<String> perRun = strings(db, "SELECT COUNT(*) FROM finding GROUP BY run_id");
        assertThat(perRun).hasSize(2).containsOnly(perRun.get(0));
        assertThat(Integer.parseInt(perRun.get(0))).isGreaterThan(10);
        // The same estate judged twice: the same fingerprints, each once per run.
        assertThat(strings(db, "SELECT COUNT(DISTINCT fingerprint) FROM finding")).containsExactly(perRun.get(0));
        // The second run keeps the first run's firstSeen for findings it saw before.
        assertThat(strings(db, "SELECT COUNT(DISTINCT first_seen) FROM finding WHERE control_id = 'RES-LOKI-STORAGE' AND status = 'FAIL'"))
                .containsExactly("1");
    }

    static List<String> strings(String jdbcUrl, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
