package io.residency.auditor.cli;

import io.residency.auditor.evidence.BundleFindings;
import io.residency.auditor.findings.Finding;
import io.residency.auditor.job.Rejudgement;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the auditor on a fresh in-memory H2 database of its own (its schema from the build's image of
 * the jar's migrations), re-performs a bundled run there and drops the database with the context.
 */
public final class RejudgeLauncher {

    public List<Finding> rejudge(Path bundle, BundleFindings recorded, boolean verbose) throws Exception {
        String url = "jdbc:h2:mem:rejudge-" + UUID.randomUUID();
        try (ConfigurableApplicationContext context = AuditLauncher.start(url, verbose)) {
            return context.getBean(Rejudgement.class).rejudge(bundle, recorded.runId(), recorded.estateId(), recorded.startedAt());
        }
    }
}
