package io.residency.auditor.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.residency.auditor.CliRun;
import io.residency.auditor.ConfigServer;
import io.residency.auditor.cli.ExitCode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database goes away in the middle of a run: the run ends with exit 3 and a clear line, never a PASS or a stack trace. */
class DatabaseLostTest {

    @TempDir
    Path dir;

    @Test
    void losingTheDatabaseMidRunEndsTheRunWithExitThree() throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.start();
        try (ConfigServer loki = new ConfigServer("/config", "common: {storage: {s3: {s3: s3://eu-west-1/b}}}\n", "t")) {
            Path estate = dir.resolve("estate.yaml");
            Files.writeString(estate, "regions:\n  - name: eu-west-1\n    sources: [{kind: loki, url: \"%s\"}]\n".formatted(loki.url("/hang")));
            String db = postgres.getJdbcUrl("postgres", "postgres");
            System.setProperty("residency.sources.read-timeout", "3s");
            CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() ->
                    CliRun.of("audit", "--estate", estate.toString(), "--out", dir.resolve("out").toString(), "--db", db));
            assertThat(loki.awaitHangRequest(Duration.ofSeconds(120))).as("the run reached the endpoint").isTrue();
            postgres.close(); // the database is gone while collectConfigs waits on the endpoint

            CliRun result = run.get(120, TimeUnit.SECONDS);

            assertThat(result.exitCode()).as(result.output()).isEqualTo(ExitCode.RUN_FAILED);
            assertThat(result.stderr()).containsPattern("error: .*(collectConfigs|database|connection|Connection)");
            assertThat(result.output()).doesNotContain("\tat ").doesNotContain(" PASS");
        } finally {
            System.clearProperty("residency.sources.read-timeout");
        }
    }
}
