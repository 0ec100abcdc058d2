package io.residency.auditor.policy;

import java.time.Period;
import java.util.List;

/**
 * What the policy demands of an exception (the waivers file): who may approve one, and for how long
 * at most it may run. Absent from a policy: anyone may approve, for at most one year.
 *
 * @param approvers who may approve an exception; empty: the policy keeps no list
 * @param maxTerm   the longest time from the approval date (or from the day the file is loaded) to the
 *                  expiry, as an ISO-8601 period such as {@code P1Y} or {@code P6M}
 */
public record ExceptionRules(List<String> approvers, String maxTerm) {

    public static final String DEFAULT_TERM = "P1Y";
    public static final ExceptionRules DEFAULT = new ExceptionRules(List.of(), DEFAULT_TERM);

    public ExceptionRules {
        approvers = approvers == null ? List.of() : List.copyOf(approvers);
        maxTerm = maxTerm == null ? DEFAULT_TERM : maxTerm;
    }

    /** The term as a period; the policy loader has checked that it parses and is positive. */
    public Period term() {
        return Period.parse(maxTerm);
    }
}
