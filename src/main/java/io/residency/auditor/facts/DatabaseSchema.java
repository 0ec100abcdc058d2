package io.residency.auditor.facts;

import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.stereotype.Component;

/**
 * Brings the run's database to the schema of {@code sql/migrations} as the context starts: Flyway
 * migrates (and validates) every database, except a fresh in-memory H2 database, which gets the build's
 * {@link SchemaImage} of the same migrations. Spring Boot's Flyway auto-configuration is excluded
 * (application.properties), since it would start Flyway for every run.
 */
@Component
public class DatabaseSchema {

    /** The one definition of the schema. */
    static final String MIGRATIONS = "classpath:sql/migrations";

    public DatabaseSchema(DataSource dataSource) {
        if (!SchemaImage.loadInto(dataSource)) {
            Flyway.configure(DatabaseSchema.class.getClassLoader()).dataSource(dataSource).locations(MIGRATIONS).load().migrate();
        }
    }

    /**
     * Tells Spring Boot that this bean initializes the database, so the beans that need the schema
     * (Spring Batch's job repository among them) are made after it (META-INF/spring.factories).
     */
    static final class Detector extends AbstractBeansOfTypeDatabaseInitializerDetector {

        @Override
        protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
            return Set.of(DatabaseSchema.class);
        }
    }
}
