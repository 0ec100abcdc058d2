package io.residency.auditor.evidence;

import io.residency.auditor.findings.Finding;
import io.residency.auditor.findings.Status;
import java.util.List;

/**
 * The one-line verdict over a set of findings. Nothing is called compliant that was not examined:
 * where checks were not tested, a clean result says so instead.
 */
public final class Verdict {

    static final String COMPLIANT = "compliant";

    private Verdict() {
    }

    public static String of(List<Finding> findings, int notTested) {
        return of(StatusCounts.of(findings), notTested);
    }

    /** From the counts alone: the verdict needs no finding held. */
    public static String of(StatusCounts counts, int notTested) {
        return qualify(unqualified(counts), notTested);
    }

    /** The verdict before what was not tested is weighed: violations found, not fully verified, or compliant. */
    static String unqualified(StatusCounts counts) {
        return counts.count(Status.FAIL) > 0 ? "violations found" : counts.count(Status.UNVERIFIED) > 0 ? "not fully verified" : COMPLIANT;
    }

    /** Replaces "compliant" when anything was not tested; every other verdict already says it is not a pass. */
    static String qualify(String verdict, int notTested) {
        if (!COMPLIANT.equals(verdict) || notTested == 0) {
            return verdict;
        }
        return "no violation found in what was tested; " + notTested + (notTested == 1 ? " check" : " checks") + " not tested";
    }
}
