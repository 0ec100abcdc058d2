package io.residency.auditor.job;

import io.residency.auditor.controls.RunJudgement;
import io.residency.auditor.findings.Finding;
import io.residency.auditor.findings.FindingRepository;
import io.residency.auditor.findings.NotTestedRepository;
import io.residency.auditor.findings.Status;
import io.residency.auditor.findings.WaiverRepository;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/** Judges the run's facts and records the findings, what became of each waiver, and what was not tested. */
@Component
public class EvaluateControlsTasklet implements Tasklet {

    private final AuditInputsLoader inputs;
    private final RunJudgement judgement;
    private final FindingRepository findings;
    private final WaiverRepository waivers;
    private final NotTestedRepository notTested;

    public EvaluateControlsTasklet(AuditInputsLoader inputs, RunJudgement judgement, FindingRepository findings, WaiverRepository waivers,
                                   NotTestedRepository notTested) {
        this.inputs = inputs;
        this.judgement = judgement;
        this.findings = findings;
        this.waivers = waivers;
        this.notTested = notTested;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        AuditInputs loaded = inputs.load(contribution.getStepExecution().getJobParameters());
        String runId = loaded.request().runId();
        RunJudgement.Judged judged = judgement.judge(runId, loaded.estate().id(), loaded.policy().policy(),
                loaded.waivers().waivers(), Instant.now());
        findings.replace(runId, judged.findings());
        waivers.replace(runId, judged.waivers());
        notTested.replace(runId, judged.notTested());
        Map<Status, Long> counts = judged.findings().stream()
                .collect(Collectors.groupingBy(Finding::status, TreeMap::new, Collectors.counting()));
        StepSummaries.put(contribution, judged.findings().size(), judged.findings().size() + " findings " + counts);
        return RepeatStatus.FINISHED;
    }
}
