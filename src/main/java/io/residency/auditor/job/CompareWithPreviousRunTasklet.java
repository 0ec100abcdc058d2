package io.residency.auditor.job;

import io.residency.auditor.findings.LifecycleRepository;
import io.residency.auditor.findings.ResolvedFinding;
import java.util.Optional;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/** Marks each problem new, still open or reopened, and records what the previous run of the estate had that is now resolved. */
@Component
public class CompareWithPreviousRunTasklet implements Tasklet {

    private final LifecycleRepository lifecycle;

    public CompareWithPreviousRunTasklet(LifecycleRepository lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        String runId = AuditRequest.from(contribution.getStepExecution().getJobParameters()).runId();
        Optional<String> previous = lifecycle.previousRun(runId);
        lifecycle.compare(runId, previous.orElse(null));
        int resolved = (int) lifecycle.resolved(runId).stream().filter(ResolvedFinding::isResolved).count();
        StepSummaries.put(contribution, resolved, previous.map(p -> "against run " + p + ": " + resolved + " resolved")
                .orElse("first run of this estate: every problem is new"));
        return RepeatStatus.FINISHED;
    }
}
