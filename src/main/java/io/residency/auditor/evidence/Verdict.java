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
        String verdict = findings.stream().anyMatch(f -> f.status() == Status.FAIL) ? "violations found"
                : findings.stream().anyMatch(f -> f.status() == Status.UNVERIFIED) ? "not fully verified" : COMPLIANT;
        return qualify(verdict, notTested);
    }

    /** Replaces "compliant" when anything was not tested; every other verdict already says it is not a pass. */
    static String qualify(String verdict, int notTested) {
        if (!COMPLIANT.equals(verdict) || notTested == 0) {
            return verdict;
        }
        return "no violation found in what was tested; " + notTested + (notTested == 1 ? " check" : " checks") + " not tested";
    }
}
