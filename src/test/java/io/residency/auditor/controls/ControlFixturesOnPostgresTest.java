package io.residency.auditor.controls;

import io.residency.auditor.EmbeddedPostgresDatabases;

/** The same fixtures on a real PostgreSQL server. */
class ControlFixturesOnPostgresTest extends ControlFixturesContract {

    @Override
    String jdbcUrl() {
        return EmbeddedPostgresDatabases.newDatabase();
    }
}
