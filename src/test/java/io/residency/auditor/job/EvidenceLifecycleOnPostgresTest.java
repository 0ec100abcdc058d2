package io.residency.auditor.job;

import io.residency.auditor.EmbeddedPostgresDatabases;

/** The same contract on a real PostgreSQL server. */
class EvidenceLifecycleOnPostgresTest extends EvidenceLifecycleContract {

    @Override
    String jdbcUrl() {
        return EmbeddedPostgresDatabases.newDatabase();
    }
}
