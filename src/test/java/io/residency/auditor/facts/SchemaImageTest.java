package io.residency.auditor.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The build's schema image is the schema of sql/migrations, and Flyway accepts a database made from it. */
class SchemaImageTest {

    @TempDir
    Path folder;

    private static DataSource memory(String name) {
        return new DriverManagerDataSource("jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    @Test
    void theJarCarriesTheImage() {
        assertThat(SchemaImage.class.getClassLoader().getResource(SchemaImage.RESOURCE)).as("made by the build (pom.xml, schema-image)").isNotNull();
    }

    @Test
    void aFreshInMemoryDatabaseGetsTheSameSchemaAsFlywayMakes() throws SQLException {
        DataSource fromImage = memory("image");
        DataSource fromFlyway = memory("flyway");

        assertThat(SchemaImage.loadInto(fromImage)).isTrue();
        Flyway.configure().dataSource(fromFlyway).locations(DatabaseSchema.MIGRATIONS).load().migrate();

        assertThat(structure(fromImage)).isNotEmpty().containsExactlyElementsOf(structure(fromFlyway));
    }

    @Test
    void flywayValidatesADatabaseMadeFromTheImageAndFindsNothingToMigrate() {
        DataSource fromImage = memory("validate");
        new DatabaseSchema(fromImage);
        Flyway flyway = Flyway.configure().dataSource(fromImage).locations(DatabaseSchema.MIGRATIONS).load();

        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(flyway.info().applied()).hasSizeGreaterThan(3);
        assertThat(flyway.migrate().migrationsExecuted).isZero();
    }

    @Test
    void aDatabaseThatHasTablesOrLivesInAFileIsLeftToFlyway() throws SQLException {
        DataSource used = memory("used");
        try (Connection connection = used.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE something_else (id INT)");
        }
        DataSource file = new DriverManagerDataSource("jdbc:h2:file:" + folder.resolve("db"), "sa", "");

        assertThat(SchemaImage.loadInto(used)).isFalse();
        assertThat(SchemaImage.loadInto(file)).isFalse();
        new DatabaseSchema(file);
        assertThat(Flyway.configure().dataSource(file).locations(DatabaseSchema.MIGRATIONS).load().info().pending()).isEmpty();
    }

    /** The database's structure, statement by statement in a stable order: tables, columns, keys, indexes, sequences. */
    private static List<String> structure(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet script = statement.executeQuery("SCRIPT NODATA NOPASSWORDS NOSETTINGS")) {
            StringBuilder all = new StringBuilder();
            while (script.next()) {
                all.append(script.getString(1)).append('\n');
            }
            return Arrays.stream(all.toString().split(";\\s*\\n")).map(String::strip)
                    .filter(s -> !s.isEmpty() && !s.startsWith("CREATE USER") && !s.startsWith("--"))
                    .sorted().toList();
        }
    }
}
