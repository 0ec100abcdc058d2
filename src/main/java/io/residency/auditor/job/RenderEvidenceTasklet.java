package io.residency.auditor.job;

import io.residency.auditor.evidence.EvidenceBundleWriter;
import io.residency.auditor.facts.AuditRun;
import io.residency.auditor.facts.AuditRunRepository;
import io.residency.auditor.findings.Finding;
import io.residency.auditor.findings.FindingRepository;
import java.nio.file.Path;
import java.util.List;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/** Writes the run's evidence bundle from the recorded findings. */
@Component
public class RenderEvidenceTasklet implements Tasklet {

    static final String BUNDLE_PATH = "bundlePath";

    private final AuditRunRepository runs;
    private final FindingRepository findings;
    private final EvidenceBundleWriter writer;

    public RenderEvidenceTasklet(AuditRunRepository runs, FindingRepository findings, EvidenceBundleWriter writer) {
        this.runs = runs;
        this.findings = findings;
        this.writer = writer;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        AuditRequest request = AuditRequest.from(contribution.getStepExecution().getJobParameters());
        AuditRun run = runs.find(request.runId()).orElseThrow(() -> new IllegalStateException("run " + request.runId() + " has no record"));
        List<Finding> recorded = findings.findings(request.runId());
        Path bundle = writer.write(request.outDir(), run, recorded);
        contribution.getStepExecution().getJobExecution().getExecutionContext().putString(BUNDLE_PATH, bundle.toString());
        StepSummaries.put(contribution, recorded.size(), "bundle " + bundle);
        return RepeatStatus.FINISHED;
    }
}
