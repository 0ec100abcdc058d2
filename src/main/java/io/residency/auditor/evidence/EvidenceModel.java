package io.residency.auditor.evidence;

import io.residency.auditor.controls.ControlDefinition;
import io.residency.auditor.controls.FrameworkCatalog;
import io.residency.auditor.facts.AuditRun;
import io.residency.auditor.facts.EgressFact;
import io.residency.auditor.facts.SourceFact;
import io.residency.auditor.findings.Finding;
import io.residency.auditor.findings.ResolvedFinding;
import io.residency.auditor.findings.WaiverOutcome;
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
 */
public record EvidenceModel(AuditRun run, List<Finding> findings, List<ResolvedFinding> resolved,
                            List<WaiverOutcome> waivers, List<SourceFact> sources,
                            List<EgressFact> egress, List<ControlDefinition> controls, FrameworkCatalog frameworkCatalog,
                            Map<String, List<String>> jurisdictions, Map<String, List<String>> frameworksOf,
                            String estateSource, String waiversSource) {

    /** The frameworks the run's policy applies, sorted: one CSV and one PDF each. */
    public List<String> reportedFrameworks() {
        return frameworksOf.values().stream().flatMap(List::stream).distinct().sorted().toList();
    }
}
