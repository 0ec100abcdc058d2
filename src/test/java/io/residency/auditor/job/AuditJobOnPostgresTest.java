package io.residency.auditor.job;

import io.residency.auditor.EmbeddedPostgresDatabases;

/** The same contract on a real PostgreSQL server. */
class AuditJobOnPostgresTest extends AuditJobDatabaseContract {

    @Override
    String jdbcUrl() {
        return EmbeddedPostgresDatabases.newDatabase();
    }
}
