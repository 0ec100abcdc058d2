package io.residency.auditor;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring context of one run: database, Flyway, the batch job and its stages. The CLI starts it. */
@SpringBootApplication
public class AuditorApplication {
}
