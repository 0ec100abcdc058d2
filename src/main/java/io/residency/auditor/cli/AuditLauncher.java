package io.residency.auditor.cli;

import io.residency.auditor.AuditorApplication;
import io.residency.auditor.facts.AuditRun;
import io.residency.auditor.facts.AuditRunRepository;
import io.residency.auditor.facts.EstateRunLock;
import io.residency.auditor.findings.FindingRepository;
import io.residency.auditor.findings.NotTestedRepository;
import io.residency.auditor.input.InvalidInputException;
import io.residency.auditor.job.AuditInputs;
import io.residency.auditor.job.AuditInputsLoader;
import io.residency.auditor.job.AuditJobConfiguration;
import io.residency.auditor.job.AuditRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the Spring context on the chosen database, runs (or restarts) the {@code residencyAudit}
 * job under the estate's run lock, and reports how it ended.
 */
public final class AuditLauncher {

    /** @param inputs the run's estate, policy and waivers, already validated: the job reads them no more */
    public RunOutcome launch(AuditInputs inputs, String jdbcUrl, boolean verbose) throws Exception {
        AuditRequest request = inputs.request();
        try (ConfigurableApplicationContext context = start(jdbcUrl, verbose)) {
            Job job = context.getBean(AuditJobConfiguration.JOB_NAME, Job.class);
            context.getBean(AuditInputsLoader.class).remember(inputs);
            JobExecution execution;
            try (EstateRunLock.Held lock = context.getBean(EstateRunLock.class).acquire(inputs.estate().id())) {
                execution = context.getBean(JobOperator.class).start(job, request.toJobParameters());
            }
            return outcome(context, request.runId(), execution);
        }
    }

    /**
     * Restarts a run that failed or whose process died: the steps it completed are kept, the rest
     * run again and replace what they had written, so nothing is duplicated or lost.
     */
    public RunOutcome restart(String runId, String jdbcUrl, boolean verbose) throws Exception {
        try (ConfigurableApplicationContext context = start(jdbcUrl, verbose)) {
            JobRepository repository = context.getBean(JobRepository.class);
            JobExecution last = repository.getLastJobExecution(AuditJobConfiguration.JOB_NAME,
                    new JobParametersBuilder().addString("runId", runId, true).toJobParameters());
            AuditRun run = context.getBean(AuditRunRepository.class).find(runId).orElse(null);
            if (last == null || run == null) {
                throw new InvalidInputException("--restart", runId, "no such run in this database; expected the id of a run that did not complete");
            }
            if (last.getStatus() == BatchStatus.COMPLETED) {
                throw new InvalidInputException("--restart", runId, "this run completed; start a new run instead");
            }
            JobOperator operator = context.getBean(JobOperator.class);
            try (EstateRunLock.Held lock = context.getBean(EstateRunLock.class).acquire(run.estateId())) {
                if (last.getStatus().isRunning()) {
                    // Its process died mid-run (the lock was free): mark it failed so it can be restarted.
                    last = operator.recover(last);
                }
                JobExecution execution = operator.restart(last);
                return outcome(context, runId, execution);
            }
        }
    }

    static ConfigurableApplicationContext start(String jdbcUrl, boolean verbose) {
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + withDurableCommits(jdbcUrl)));
        if (verbose) {
            args.add("--logging.level.io.residency=DEBUG");
        }
        // Not lazy (spring.main.lazy-initialization): it saved ~0.5 s CPU of a gate, within the noise, but
        // moved a database that cannot be opened from start-up (exit 3, password redacted) into the job.
        try {
            return AuditorApplication.application().run(args.toArray(String[]::new));
        } catch (RuntimeException e) {
            // Driver messages may quote the URL: even the verbose log gets the causes redacted.
            throw new DatabaseUnavailableException(JdbcUrls.redact(jdbcUrl), JdbcUrls.redactIn(rootMessage(e), jdbcUrl),
                    JdbcUrls.redactedChain(e, jdbcUrl));
        }
    }

    /**
     * An embedded H2 file database writes committed changes to its file up to a second later, so a
     * killed run would lose its last completed step. WRITE_DELAY=0 writes them at commit, as
     * PostgreSQL does; an explicit WRITE_DELAY in the URL is left alone.
     */
    static String withDurableCommits(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:file:") && !jdbcUrl.toUpperCase(Locale.ROOT).contains(";WRITE_DELAY=")) {
            return jdbcUrl + ";WRITE_DELAY=0";
        }
        return jdbcUrl;
    }

    private static RunOutcome outcome(ConfigurableApplicationContext context, String runId, JobExecution execution) {
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            return new RunOutcome(runId, failure(execution), null, List.of());
        }
        String bundle = execution.getExecutionContext().getString("bundlePath", null);
        ConsoleFindings console = new ConsoleFindings();
        context.getBean(FindingRepository.class).forEach(runId, null, console);
        return new RunOutcome(runId, null, bundle == null ? null : Path.of(bundle), console,
                context.getBean(NotTestedRepository.class).notTested(runId));
    }

    private static String failure(JobExecution execution) {
        String steps = execution.getStepExecutions().stream()
                .filter(step -> step.getStatus() != BatchStatus.COMPLETED)
                .map(AuditLauncher::describe)
                .collect(Collectors.joining("; "));
        if (!steps.isEmpty()) {
            return steps;
        }
        return execution.getAllFailureExceptions().stream().map(AuditLauncher::rootMessage).findFirst()
                .orElse("the job ended " + execution.getStatus());
    }

    private static String describe(StepExecution step) {
        String why = step.getFailureExceptions().stream().map(AuditLauncher::rootMessage).findFirst().orElse(step.getStatus().toString());
        return "step " + step.getStepName() + " failed: " + why;
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // Never the values a database refused: they may hold a token from an over-long endpoint.
        String message = io.residency.auditor.facts.DatabaseErrors.isDatabaseError(root)
                ? io.residency.auditor.facts.DatabaseErrors.withoutValues(root)
                : root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == e ? message : message + " (" + e.getClass().getSimpleName() + ")";
    }
}
