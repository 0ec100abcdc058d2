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
 * Everything a bundle shows about one run, read once from the database.
 *
 * @param jurisdictions jurisdiction → its regions, as the run's policy defines them
 * @param frameworkCatalog the run's frameworks: the bundled ones and those its policy defines
 * @param frameworksOf  jurisdiction → the frameworks the policy applies there; each gets its reports
 * @param estateSource  the estate file as given
 * @param waiversSource the waivers file as given, or {@code null}
 * @param keys          the ids of the signing and hash keys the run used, for every report to name
 * @param scope         what the run examined, or {@code null} for a run recorded without it
 * @param notTested     the checks the run could not make, and why
 * @param policy        the run's policy, whose parameters and detectors every report states; {@code null} when not known
 */
public record EvidenceModel(AuditRun run, List<Finding> findings, List<ResolvedFinding> resolved,
                            List<WaiverOutcome> waivers, List<SourceFact> sources,
                            List<EgressFact> egress, List<ControlDefinition> controls, FrameworkCatalog frameworkCatalog,
                            Map<String, List<String>> jurisdictions, Map<String, List<String>> frameworksOf,
                            String estateSource, String waiversSource, RunKeys keys, RunScope scope, List<NotTested> notTested,
                            Policy policy) {

    public EvidenceModel {
        keys = keys == null ? RunKeys.NONE : keys;
        notTested = notTested == null ? List.of() : List.copyOf(notTested);
    }

    /** A model whose policy is not known: reports say its parameters were not recorded. */
    public EvidenceModel(AuditRun run, List<Finding> findings, List<ResolvedFinding> resolved, List<WaiverOutcome> waivers,
                         List<SourceFact> sources, List<EgressFact> egress, List<ControlDefinition> controls,
                         FrameworkCatalog frameworkCatalog, Map<String, List<String>> jurisdictions,
                         Map<String, List<String>> frameworksOf, String estateSource, String waiversSource, RunKeys keys,
                         RunScope scope, List<NotTested> notTested) {
        this(run, findings, resolved, waivers, sources, egress, controls, frameworkCatalog, jurisdictions, frameworksOf,
                estateSource, waiversSource, keys, scope, notTested, null);
    }

    /** A model whose keys and scope are not known: reports say "unsigned", "no value hashed" and nothing not tested. */
    public EvidenceModel(AuditRun run, List<Finding> findings, List<ResolvedFinding> resolved, List<WaiverOutcome> waivers,
                         List<SourceFact> sources, List<EgressFact> egress, List<ControlDefinition> controls,
                         FrameworkCatalog frameworkCatalog, Map<String, List<String>> jurisdictions,
                         Map<String, List<String>> frameworksOf, String estateSource, String waiversSource) {
        this(run, findings, resolved, waivers, sources, egress, controls, frameworkCatalog, jurisdictions, frameworksOf,
                estateSource, waiversSource, RunKeys.NONE, null, List.of(), null);
    }

    /** The frameworks the run's policy applies, sorted: one CSV and one PDF each. */
    public List<String> reportedFrameworks() {
        return frameworksOf.values().stream().flatMap(List::stream).distinct().sorted().toList();
    }
}
