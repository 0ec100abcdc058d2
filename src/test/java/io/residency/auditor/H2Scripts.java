package io.residency.auditor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Every table and row of an H2 database, as its SCRIPT command writes them: what a leak test searches. */
public final class H2Scripts {

    private H2Scripts() {
    }

    /** The script of the database at {@code jdbcUrl}, written to {@code scriptFile} and read back. */
    public static String dump(String jdbcUrl, Path scriptFile) throws SQLException, IOException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl); Statement statement = connection.createStatement()) {
            statement.execute("SCRIPT TO '" + scriptFile + "'");
        }
        return Files.readString(scriptFile, StandardCharsets.UTF_8);
    }
}
