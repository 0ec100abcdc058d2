package io.residency.auditor.evidence;

import io.residency.auditor.controls.ControlCatalog;
import io.residency.auditor.controls.FrameworkCatalog;
import io.residency.auditor.facts.AuditRun;
import io.residency.auditor.facts.AuditRunRepository;
import io.residency.auditor.facts.FactRepository;
import io.residency.auditor.facts.RunKeysRepository;
import io.residency.auditor.facts.RunScopeRepository;
import io.residency.auditor.findings.FindingRepository;
import io.residency.auditor.findings.LifecycleRepository;
import io.residency.auditor.findings.NotTestedRepository;
import io.residency.auditor.findings.ResolvedFinding;
import io.residency.auditor.findings.WaiverRepository;
import io.residency.auditor.policy.Policy;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** Reads what a bundle shows about one run from the database, in one place. */
@Component
public class EvidenceModelReader {

    private final AuditRunRepository runs;
    private final FindingRepository findings;
    private final LifecycleRepository lifecycle;
    private final WaiverRepository waivers;
    private final FactRepository facts;
    private final RunScopeRepository scope;
    private final NotTestedRepository notTested;
    private final RunKeysRepository keys;
    private final ControlCatalog catalog = ControlCatalog.load();
    private final FrameworkCatalog frameworks = FrameworkCatalog.bundled(catalog);

    public EvidenceModelReader(AuditRunRepository runs, FindingRepository findings, LifecycleRepository lifecycle,
                               WaiverRepository waivers, FactRepository facts, RunScopeRepository scope,
                               NotTestedRepository notTested, RunKeysRepository keys) {
        this.runs = runs;
        this.findings = findings;
        this.lifecycle = lifecycle;
        this.waivers = waivers;
        this.facts = facts;
        this.scope = scope;
        this.notTested = notTested;
        this.keys = keys;
    }

    /**
     * @param estateSource  the estate file as given
     * @param waiversSource the waiver file as given, or {@code null}
     * @param policy        the run's policy: which frameworks apply where, and the definitions of its own frameworks
     */
    public EvidenceModel read(String runId, String estateSource, String waiversSource, Policy policy) {
        AuditRun run = runs.find(runId).orElseThrow(() -> new IllegalStateException("run " + runId + " has no record"));
        Map<String, List<String>> frameworksOf = new TreeMap<>();
        policy.jurisdictions().forEach((jurisdiction, definition) -> frameworksOf.put(jurisdiction, definition.frameworks()));
        List<ResolvedFinding> compared = lifecycle.resolved(runId);
        return new EvidenceModel(run, new StoredFindings(findings, runId), compared.stream().filter(ResolvedFinding::isResolved).toList(),
                waivers.outcomes(runId), facts.sources(runId), facts.egress(runId), catalog.controls(), frameworks.forPolicy(policy),
                scope.jurisdictions(runId), frameworksOf, estateSource, waiversSource,
                keys.find(runId), scope.scope(runId), notTested.notTested(runId), lifecycle.previousRun(runId).orElse(null),
                compared.stream().filter(r -> !r.isResolved()).toList(), policy);
    }
}
