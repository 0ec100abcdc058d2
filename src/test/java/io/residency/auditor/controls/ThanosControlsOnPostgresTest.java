package io.residency.auditor.controls;

import io.residency.auditor.EmbeddedPostgresDatabases;

/** The querier controls on a real PostgreSQL server: their SQL must mean the same there. */
class ThanosControlsOnPostgresTest extends ThanosControlsContract {

    @Override
    String jdbcUrl() {
        return EmbeddedPostgresDatabases.newDatabase();
    }
}
