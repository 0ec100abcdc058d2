package io.residency.auditor.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.residency.auditor.CliRun;
import io.residency.auditor.EmbeddedPostgresDatabases;
import io.residency.auditor.TestPaths;
import io.residency.auditor.cli.ExitCode;
import io.residency.auditor.facts.EstateRunLock;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Two audits of one estate never run at once on PostgreSQL: the second is refused with a clear message. */
class ConcurrentRunTest {

    @TempDir
    Path out;

    @Test
    void aSecondAuditOfTheSameEstateIsRefusedWhileTheFirstHoldsTheLock() {
        String db = EmbeddedPostgresDatabases.newDatabase();
        String estate = TestPaths.resource("estates/compliant/estate.yaml").toString();
        CliRun first = CliRun.of("audit", "--estate", estate, "--out", out.toString(), "--db", db);
        assertThat(first.exitCode()).as("the database is migrated and free: " + first.output()).isZero();

        CliRun second;
        try (EstateRunLock.Held running = new EstateRunLock(new DriverManagerDataSource(db)).acquire("compliant")) {
            second = CliRun.of("audit", "--estate", estate, "--out", out.toString(), "--db", db);
        }
        CliRun after = CliRun.of("audit", "--estate", estate, "--out", out.toString(), "--db", db);

        assertThat(second.exitCode()).isEqualTo(ExitCode.RUN_FAILED);
        assertThat(second.stderr()).contains("another audit of estate compliant is running against this database");
        assertThat(second.output()).doesNotContain("\tat ");
        assertThat(after.exitCode()).as("the lock is released: " + after.output()).isZero();
    }
}
