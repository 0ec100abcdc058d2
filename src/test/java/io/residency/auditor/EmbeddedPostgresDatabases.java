package io.residency.auditor;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server (embedded binaries, no Docker) for the whole test run, handing out
 * a fresh empty database per test. The server stops when the JVM exits.
 */
public final class EmbeddedPostgresDatabases {

    private static EmbeddedPostgres server;
    private static final AtomicInteger COUNT = new AtomicInteger();

    private EmbeddedPostgresDatabases() {
    }

    public static synchronized String newDatabase() {
        try {
            if (server == null) {
                server = EmbeddedPostgres.start();
                EmbeddedPostgres started = server;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException e) {
                        // the JVM is exiting; nothing left to clean
                    }
                }));
            }
            String name = "audit_" + COUNT.incrementAndGet();
            try (Connection connection = server.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            }
            return server.getJdbcUrl("postgres", name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
