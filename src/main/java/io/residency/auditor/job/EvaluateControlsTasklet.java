package io.residency.auditor.job;

import io.residency.auditor.controls.ControlRunner;
import io.residency.auditor.controls.NotTestedChecks;
import io.residency.auditor.findings.Finding;
import io.residency.auditor.findings.FindingRepository;
import io.residency.auditor.findings.LifecycleRepository;
import io.residency.auditor.findings.NotTestedRepository;
import io.residency.auditor.findings.Status;
import io.residency.auditor.findings.WaiverRepository;
import io.residency.auditor.findings.Waivers;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.ArrayList;
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

/**
 * Judges the run's facts with every control, keeps open the previous run's problems that could not be
 * re-checked, applies waivers, and records the findings with when each was first seen, and what was not tested.
 */
@Component
public class EvaluateControlsTasklet implements Tasklet {

    private final AuditInputsLoader inputs;
    private final ControlRunner controls;
    private final FindingRepository findings;
    private final WaiverRepository waivers;
    private final LifecycleRepository lifecycle;
    private final NotTestedChecks notTestedChecks;
    private final NotTestedRepository notTested;

    public EvaluateControlsTasklet(AuditInputsLoader inputs, ControlRunner controls, FindingRepository findings, WaiverRepository waivers,
                                   LifecycleRepository lifecycle, NotTestedChecks notTestedChecks, NotTestedRepository notTested) {
        this.inputs = inputs;
        this.controls = controls;
        this.findings = findings;
        this.waivers = waivers;
        this.lifecycle = lifecycle;
        this.notTestedChecks = notTestedChecks;
        this.notTested = notTested;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        AuditInputs loaded = inputs.load(contribution.getStepExecution().getJobParameters());
        String runId = loaded.request().runId();
        Instant now = Instant.now();
        List<Finding> evaluated = new ArrayList<>(controls.evaluate(runId, loaded.policy().policy(), now));
        evaluated.addAll(lifecycle.carriedOver(runId, evaluated)); // an unreadable source resolves nothing
        Waivers.Applied waived = Waivers.apply(evaluated, loaded.waivers().waivers(), LocalDate.ofInstant(now, ZoneOffset.UTC));
        List<Finding> judged = waived.findings().stream()
                .map(f -> f.withFirstSeen(findings.firstSeen(loaded.estate().id(), runId, f.fingerprint(), now)))
                .toList();
        findings.replace(runId, judged);
        waivers.replace(runId, waived.outcomes());
        notTested.replace(runId, notTestedChecks.notTested(runId));
        Map<Status, Long> counts = judged.stream()
                .collect(Collectors.groupingBy(Finding::status, () -> new TreeMap<>(), Collectors.counting()));
        StepSummaries.put(contribution, judged.size(), judged.size() + " findings " + counts);
        return RepeatStatus.FINISHED;
    }
}
