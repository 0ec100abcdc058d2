package io.residency.auditor.job;

import io.residency.auditor.controls.ControlRunner;
import io.residency.auditor.findings.Finding;
import io.residency.auditor.findings.FindingRepository;
import io.residency.auditor.findings.Status;
import io.residency.auditor.findings.WaiverRepository;
import io.residency.auditor.findings.Waivers;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/** Judges the run's facts with every control, applies waivers, and records the findings with when each was first seen. */
@Component
public class EvaluateControlsTasklet implements Tasklet {

    private final AuditInputsLoader inputs;
    private final ControlRunner controls;
    private final FindingRepository findings;
    private final WaiverRepository waivers;

    public EvaluateControlsTasklet(AuditInputsLoader inputs, ControlRunner controls, FindingRepository findings, WaiverRepository waivers) {
        this.inputs = inputs;
        this.controls = controls;
        this.findings = findings;
        this.waivers = waivers;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        AuditInputs loaded = inputs.load(contribution.getStepExecution().getJobParameters());
        String runId = loaded.request().runId();
        Instant now = Instant.now();
        Waivers.Applied waived = Waivers.apply(controls.evaluate(runId, loaded.policy().policy(), now),
                loaded.waivers().waivers(), LocalDate.ofInstant(now, ZoneOffset.UTC));
        List<Finding> judged = waived.findings().stream()
                .map(f -> f.withFirstSeen(findings.firstSeen(loaded.estate().id(), runId, f.fingerprint(), now)))
                .toList();
        findings.replace(runId, judged);
        waivers.replace(runId, waived.outcomes());
        Map<Status, Long> counts = judged.stream()
                .collect(Collectors.groupingBy(Finding::status, () -> new TreeMap<>(), Collectors.counting()));
        StepSummaries.put(contribution, judged.size(), judged.size() + " findings " + counts);
        return RepeatStatus.FINISHED;
    }
}
