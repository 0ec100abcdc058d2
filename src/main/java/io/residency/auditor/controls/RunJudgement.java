package io.residency.auditor.controls;

import io.residency.auditor.findings.Finding;
import io.residency.auditor.findings.LifecycleRepository;
import io.residency.auditor.findings.NotTested;
import io.residency.auditor.findings.Waiver;
import io.residency.auditor.findings.WaiverOutcome;
import io.residency.auditor.findings.Waivers;
import io.residency.auditor.policy.Policy;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Judges one run: every control over its facts, the problems of sources it could not read carried
 * over, the exceptions register applied, each finding dated by the first run its problem appeared in, and the checks it
 * could not make listed. Reads only; the caller records the result.
 */
@Component
public class RunJudgement {

    /** The findings, what became of each waiver, and what was not tested. */
    public record Judged(List<Finding> findings, List<WaiverOutcome> waivers, List<NotTested> notTested) {
    }

    private final ControlRunner controls;
    private final LifecycleRepository lifecycle;
    private final NotTestedChecks notTestedChecks;

    public RunJudgement(ControlRunner controls, LifecycleRepository lifecycle, NotTestedChecks notTestedChecks) {
        this.controls = controls;
        this.lifecycle = lifecycle;
        this.notTestedChecks = notTestedChecks;
    }

    public Judged judge(String runId, String estateId, Policy policy, List<Waiver> waivers, Instant now) {
        List<Finding> evaluated = new ArrayList<>(controls.evaluate(runId, policy, now));
        evaluated.addAll(lifecycle.carriedOver(runId, evaluated)); // an unreadable source resolves nothing
        Waivers.Applied waived = Waivers.apply(evaluated, waivers, LocalDate.ofInstant(now, ZoneOffset.UTC));
        List<Finding> judged = lifecycle.dated(runId, estateId, waived.findings(), now);
        return new Judged(judged, waived.outcomes(), notTestedChecks.notTested(runId));
    }
}
