package io.residency.auditor.facts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The schema that {@code sql/migrations} make, as an H2 script with Flyway's own history rows, made by
 * the build (pom.xml, execution schema-image) by running Flyway on an empty in-memory database. A run
 * on a fresh in-memory H2 database of its own (the gate's usual throw-away database) loads it in one
 * statement instead of starting Flyway: its configuration, scan, SQL parser and history bookkeeping are
 * most of a gate's database start-up. The migrations stay the one definition of the schema; the history
 * rows keep their checksums, so Flyway validates such a database as if it had migrated it.
 */
final class SchemaImage {

    /** Where the build writes the image, inside the jar's {@code sql/} folder. */
    static final String RESOURCE = "sql/schema-image/h2-mem.sql";

    private SchemaImage() {
    }

    /**
     * Loads the image when the jar has one and the database is a fresh in-memory H2 database in H2's own
     * mode (as the image was made); otherwise leaves the database alone.
     *
     * @return whether the image made the schema
     */
    static boolean loadInto(DataSource dataSource) {
        if (SchemaImage.class.getClassLoader().getResource(RESOURCE) == null) {
            return false;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (!connection.getMetaData().getURL().startsWith("jdbc:h2:mem:") || !"PUBLIC".equals(connection.getSchema())) {
                return false;
            }
            try (ResultSet fresh = statement.executeQuery("SELECT (SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'),"
                    + " (SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'MODE')")) {
                fresh.next();
                if (fresh.getLong(1) > 0 || !"REGULAR".equals(fresh.getString(2))) {
                    return false;
                }
            }
            statement.execute("RUNSCRIPT FROM 'classpath:/" + RESOURCE + "'");
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the schema from " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /**
     * The build's step: migrates an empty in-memory H2 database with the migrations on the class path and
     * writes its script to {@code args[0]}, without H2's users (a run's database keeps its own).
     */
    public static void main(String[] args) throws SQLException, IOException {
        Path target = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(target.getParent());
        String url = "jdbc:h2:mem:schema-image;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations(DatabaseSchema.MIGRATIONS).load().migrate();
        Path script = Files.createTempFile(target.getParent(), "schema-image", ".sql");
        try (Connection connection = DriverManager.getConnection(url, "sa", ""); Statement statement = connection.createStatement()) {
            statement.execute("SCRIPT NOPASSWORDS NOSETTINGS TO '" + script.toString().replace("'", "''") + "'");
            statement.execute("SHUTDOWN");
        }
        List<String> lines = Files.readAllLines(script, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.startsWith("CREATE USER "))
                .toList();
        Files.write(target, lines, StandardCharsets.UTF_8);
        Files.delete(script);
    }
}
