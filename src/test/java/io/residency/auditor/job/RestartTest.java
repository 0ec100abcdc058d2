package io.residency.auditor.job;

import static io.residency.auditor.job.AuditJobDatabaseContract.strings;
import static org.assertj.core.api.Assertions.assertThat;

import io.residency.auditor.CliRun;
import io.residency.auditor.ConfigServer;
import io.residency.auditor.cli.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose process is killed mid-way is resumed with --restart: the steps it completed are
 * kept, the step it died in runs again and replaces its rows, and nothing is duplicated or lost.
 */
class RestartTest {

    private static final String LOKI = "common:\n  storage:\n    s3:\n      s3: s3://eu-west-1/restart-chunks\n";

    @TempDir
    Path dir;

    @Test
    void aKilledRunIsRestartedAndCompletesWithoutDuplicates() throws Exception {
        try (ConfigServer loki = new ConfigServer("/config", LOKI, "t")) {
            Files.writeString(dir.resolve("loki.yaml"), LOKI);
            Path estate = dir.resolve("estate.yaml");
            Files.writeString(estate, """
                    name: restart-estate
                    regions:
                      - name: eu-west-1
                        sources:
                          - {kind: loki, file: loki.yaml}
                          - {kind: loki, url: "%s"}
                    """.formatted(loki.url("/hang")));
            String db = "jdbc:h2:file:" + dir.resolve("db") + ";USER=sa;PASSWORD=";

            // 1. A run in its own process, stuck reading a live endpoint, is killed there.
            Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dresidency.sources.read-timeout=120s", "-cp", System.getProperty("java.class.path"),
                    "io.residency.auditor.ResidencyAuditor", "audit", "--estate", estate.toString(), "--out", dir.resolve("out").toString(),
                    "--db", db).redirectErrorStream(true).redirectOutput(dir.resolve("killed.log").toFile()).start();
            // A JVM and Spring start first: on a loaded shared machine that alone can take a minute.
            boolean stuck = loki.awaitHangRequest(Duration.ofSeconds(240));
            assertThat(stuck).as("the run reached the endpoint; its log: %s", Files.readString(dir.resolve("killed.log"))).isTrue();
            run.destroyForcibly(); // at once: what was committed must already be in the file

            assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String runId = strings(db, "SELECT run_id FROM audit_run").get(0);
            assertThat(strings(db, "SELECT status FROM audit_run")).containsExactly("RUNNING");
            assertThat(strings(db, "SELECT COUNT(*) FROM finding")).containsExactly("0");

            // 2. The endpoint answers again; the run is resumed.
            loki.heal();
            CliRun restarted = CliRun.of("audit", "--restart", runId, "--db", db);

            assertThat(restarted.exitCode()).as(restarted.output()).isEqualTo(ExitCode.OK);
            assertThat(restarted.stdout()).contains("Run " + runId, "0 FAIL, 0 UNVERIFIED");
            assertThat(strings(db, "SELECT status FROM audit_run")).containsExactly("COMPLETED");
            assertThat(strings(db, "SELECT COUNT(*) FROM batch_job_execution")).containsExactly("2");
            assertThat(strings(db, "SELECT COUNT(*) FROM batch_step_execution WHERE step_name = 'recordScope'"))
                    .as("a completed step is not run again").containsExactly("1");
            assertThat(strings(db, "SELECT COUNT(*) FROM source_fact")).containsExactly("2");
            assertThat(strings(db, "SELECT COUNT(*) FROM storage_fact")).containsExactly("2");
            List<String> findings = strings(db, "SELECT COUNT(*) || '/' || COUNT(DISTINCT fingerprint) FROM finding");
            assertThat(findings).containsExactly("4/4");
            try (var bundles = Files.list(dir.resolve("out"))) {
                assertThat(bundles.map(p -> p.getFileName().toString()).toList()).containsExactly(runId);
            }
        }
    }

    @Test
    void restartingACompletedRunIsRefused() throws Exception {
        Files.writeString(dir.resolve("loki.yaml"), LOKI);
        Files.writeString(dir.resolve("estate.yaml"), "regions:\n  - name: eu-west-1\n    sources: [{kind: loki, file: loki.yaml}]\n");
        String db = "jdbc:h2:file:" + dir.resolve("db2") + ";USER=sa;PASSWORD=";
        CliRun.of("audit", "--estate", dir.resolve("estate.yaml").toString(), "--out", dir.resolve("out2").toString(), "--db", db);
        String runId = strings(db, "SELECT run_id FROM audit_run").get(0);

        CliRun again = CliRun.of("audit", "--restart", runId, "--db", db);
        CliRun unknown = CliRun.of("audit", "--restart", "no-such-run", "--db", db);

        assertThat(again.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(again.stderr()).contains(runId, "this run completed; start a new run instead");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(unknown.stderr()).contains("no such run in this database");
    }
}
