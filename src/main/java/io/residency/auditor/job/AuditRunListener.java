package io.residency.auditor.job;

import io.residency.auditor.evidence.RunMetricsPusher;
import io.residency.auditor.facts.AuditRun;
import io.residency.auditor.facts.AuditRunRepository;
import io.residency.auditor.facts.AuditorVersion;
import io.residency.auditor.findings.FindingRepository;
import java.time.Instant;
import java.util.Map;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/** Keeps the run's bookkeeping row (created, or reopened on restart, before the job; closed after it) and pushes run metrics. */
@Component
public class AuditRunListener implements JobExecutionListener {

    private final AuditRunRepository runs;
    private final AuditInputsLoader inputs;
    private final FindingRepository findings;
    private final RunMetricsPusher metrics;

    public AuditRunListener(AuditRunRepository runs, AuditInputsLoader inputs, FindingRepository findings, RunMetricsPusher metrics) {
        this.runs = runs;
        this.inputs = inputs;
        this.findings = findings;
        this.metrics = metrics;
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
        AuditRequest request = AuditRequest.from(execution.getJobParameters());
        boolean success = execution.getStatus() == BatchStatus.COMPLETED;
        Instant ended = Instant.now();
        runs.finish(request.runId(), success ? "COMPLETED" : "FAILED", ended);
        AuditInputs loaded = inputs.load(execution.getJobParameters());
        String pushgateway = loaded.estate().estate().pushgateway();
        if (pushgateway != null) {
            AuditRun run = runs.find(request.runId()).orElseThrow();
            metrics.push(pushgateway, run.estateId(), success, run.startedAt(), ended, success ? findings.countsByLabels(request.runId()) : Map.of());
        }
    }
}
