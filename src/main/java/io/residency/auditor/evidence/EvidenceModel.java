package io.residency.auditor.evidence;

import io.residency.auditor.controls.ControlDefinition;
import io.residency.auditor.controls.FrameworkCatalog;
import io.residency.auditor.facts.AuditRun;
import io.residency.auditor.facts.EgressFact;
import io.residency.auditor.facts.RunKeys;
import io.residency.auditor.facts.RunScope;
import io.residency.auditor.facts.SourceFact;
import io.residency.auditor.findings.Finding;
import io.residency.auditor.findings.NotTested;
import io.residency.auditor.findings.ResolvedFinding;
import io.residency.auditor.findings.WaiverOutcome;
import io.residency.auditor.policy.Policy;
import java.util.List;
import java.util.Map;

/**
 * Everything a bundle shows about one run, read from the database. The findings are not held: each
 * report streams them ({@link RunFindings}), so the model's size does not grow with their number.
 *
 * @param jurisdictions jurisdiction → its regions, as the run's policy defines them
 * @param frameworkCatalog the run's frameworks: the bundled ones and those its policy defines
 * @param frameworksOf  jurisdiction → the frameworks the policy applies there; each gets its reports
 * @param estateSource  the estate file as given
 * @param waiversSource the waivers file as given, or {@code null}
 * @param keys          the ids of the signing and hash keys the run used, for every report to name
 * @param scope         what the run examined, or {@code null} for a run recorded without it
 * @param notTested     the checks the run could not make, and why
 * @param previousRunId the estate's previous completed run this run was compared with; {@code null} for its first run
 * @param sourceRemoved the previous run's problems whose source is no longer in the estate: not re-checked, so not resolved
 * @param policy        the run's policy (EEA jurisdictions, the company-policy parameters); {@code null} where not known
 */
public record EvidenceModel(AuditRun run, RunFindings findings, List<ResolvedFinding> resolved,
                            List<WaiverOutcome> waivers, List<SourceFact> sources,
                            List<EgressFact> egress, List<ControlDefinition> controls, FrameworkCatalog frameworkCatalog,
                            Map<String, List<String>> jurisdictions, Map<String, List<String>> frameworksOf,
                            String estateSource, String waiversSource, RunKeys keys, RunScope scope, List<NotTested> notTested,
                            String previousRunId, List<ResolvedFinding> sourceRemoved, Policy policy) {

    public EvidenceModel {
        keys = keys == null ? RunKeys.NONE : keys;
        notTested = notTested == null ? List.of() : List.copyOf(notTested);
        sourceRemoved = sourceRemoved == null ? List.of() : List.copyOf(sourceRemoved);
    }

    /** A model over findings already in memory (a test, a small run). */
    public EvidenceModel(AuditRun run, List<Finding> findings, List<ResolvedFinding> resolved,
                         List<WaiverOutcome> waivers, List<SourceFact> sources,
                         List<EgressFact> egress, List<ControlDefinition> controls, FrameworkCatalog frameworkCatalog,
                         Map<String, List<String>> jurisdictions, Map<String, List<String>> frameworksOf,
                         String estateSource, String waiversSource, RunKeys keys, RunScope scope, List<NotTested> notTested,
                         String previousRunId, List<ResolvedFinding> sourceRemoved, Policy policy) {
        this(run, RunFindings.of(findings), resolved, waivers, sources, egress, controls, frameworkCatalog, jurisdictions, frameworksOf,
                estateSource, waiversSource, keys, scope, notTested, previousRunId, sourceRemoved, policy);
    }

    /** A model read before runs were compared with their history and policy: reports name no previous run. */
    public EvidenceModel(AuditRun run, List<Finding> findings, List<ResolvedFinding> resolved, List<WaiverOutcome> waivers,
                         List<SourceFact> sources, List<EgressFact> egress, List<ControlDefinition> controls,
                         FrameworkCatalog frameworkCatalog, Map<String, List<String>> jurisdictions,
                         Map<String, List<String>> frameworksOf, String estateSource, String waiversSource, RunKeys keys, RunScope scope,
                         List<NotTested> notTested) {
        this(run, RunFindings.of(findings), resolved, waivers, sources, egress, controls, frameworkCatalog, jurisdictions, frameworksOf,
                estateSource, waiversSource, keys, scope, notTested, null, List.of(), null);
    }

    /** A model with its policy but no history: reports name no previous run. */
    public EvidenceModel(AuditRun run, List<Finding> findings, List<ResolvedFinding> resolved, List<WaiverOutcome> waivers,
                         List<SourceFact> sources, List<EgressFact> egress, List<ControlDefinition> controls,
                         FrameworkCatalog frameworkCatalog, Map<String, List<String>> jurisdictions,
                         Map<String, List<String>> frameworksOf, String estateSource, String waiversSource, RunKeys keys,
                         RunScope scope, List<NotTested> notTested, Policy policy) {
        this(run, RunFindings.of(findings), resolved, waivers, sources, egress, controls, frameworkCatalog, jurisdictions, frameworksOf,
                estateSource, waiversSource, keys, scope, notTested, null, List.of(), policy);
    }

    /** A model whose keys and scope are not known: reports say "unsigned", "no value hashed" and nothing not tested. */
    public EvidenceModel(AuditRun run, List<Finding> findings, List<ResolvedFinding> resolved, List<WaiverOutcome> waivers,
                         List<SourceFact> sources, List<EgressFact> egress, List<ControlDefinition> controls,
                         FrameworkCatalog frameworkCatalog, Map<String, List<String>> jurisdictions,
                         Map<String, List<String>> frameworksOf, String estateSource, String waiversSource) {
        this(run, RunFindings.of(findings), resolved, waivers, sources, egress, controls, frameworkCatalog, jurisdictions, frameworksOf,
                estateSource, waiversSource, RunKeys.NONE, null, List.of(), null, List.of(), null);
    }

    /**
     * Problems no framework maps (a source that could not be read, a control no framework of the
     * finding's jurisdiction cites): every report lists them among its limitations, so no problem is
     * left out of every report. Read as the findings stream past ({@link ReportScope#read}).
     */
    static boolean isUnframedProblem(Finding finding) {
        return finding.frameworks().isEmpty() && finding.status() != io.residency.auditor.findings.Status.PASS;
    }

    /** The exceptions a framework's report lists: its own, or (naming none and covering nothing) those of a control it maps. */
    public List<WaiverOutcome> exceptionsOf(String framework) {
        return waivers.stream().filter(w -> w.frameworks().isEmpty()
                ? frameworkCatalog.maps(framework, w.waiver().control()) : w.frameworks().contains(framework)).toList();
    }

    /** The frameworks the run's policy applies, sorted: one CSV and one PDF each. */
    public List<String> reportedFrameworks() {
        return frameworksOf.values().stream().flatMap(List::stream).distinct().sorted().toList();
    }
}
