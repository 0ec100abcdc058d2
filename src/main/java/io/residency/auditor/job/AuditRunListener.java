package io.residency.auditor.job;

import io.residency.auditor.facts.AuditRun;
import io.residency.auditor.facts.AuditRunRepository;
import java.time.Instant;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/** Keeps the run's bookkeeping row: created (or reopened on restart) before the job, closed after it. */
@Component
public class AuditRunListener implements JobExecutionListener {

    private final AuditRunRepository runs;
    private final AuditInputsLoader inputs;

    public AuditRunListener(AuditRunRepository runs, AuditInputsLoader inputs) {
        this.runs = runs;
        this.inputs = inputs;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        AuditInputs loaded = inputs.load(execution.getJobParameters());
        AuditRequest request = loaded.request();
        runs.startIfAbsent(new AuditRun(request.runId(), loaded.estate().id(), request.mode(), request.estateSha256(),
                request.policySha256(), loaded.policy().source(), request.waiversSha256(), AuditorVersion.current(), Instant.now(),
                null, "RUNNING"));
    }

    @Override
    public void afterJob(JobExecution execution) {
        String runId = AuditRequest.from(execution.getJobParameters()).runId();
        runs.finish(runId, execution.getStatus() == BatchStatus.COMPLETED ? "COMPLETED" : "FAILED", Instant.now());
    }
}
