package io.residency.auditor.facts;

import io.residency.auditor.input.Sha256;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Keeps two audits of the same estate from running at once against one database. On PostgreSQL
 * it holds a session advisory lock for the run: the server frees it if the auditor dies, so a
 * crashed run never blocks the next one. An H2 file database admits one process at a time anyway.
 */
@Component
public class EstateRunLock {

    private final DataSource dataSource;

    public EstateRunLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A held lock; closing it releases it. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    public Held acquire(String estateId) {
        try {
            Connection connection = dataSource.getConnection();
            if (!connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
                connection.close();
                return () -> { };
            }
            long key = Long.parseUnsignedLong(Sha256.hex("residency-auditor:" + estateId).substring(0, 15), 16);
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                lock.setLong(1, key);
                try (ResultSet result = lock.executeQuery()) {
                    result.next();
                    if (!result.getBoolean(1)) {
                        connection.close();
                        throw new EstateLockedException("another audit of estate " + estateId
                                + " is running against this database (PostgreSQL advisory lock " + key + "); try again when it has ended");
                    }
                }
            }
            return () -> release(connection, key);
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the run lock: " + e.getMessage(), e);
        }
    }

    private static void release(Connection connection, long key) {
        try (connection; PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            unlock.setLong(1, key);
            unlock.execute();
        } catch (SQLException ignored) {
            // closing the session frees the lock as well
        }
    }
}
