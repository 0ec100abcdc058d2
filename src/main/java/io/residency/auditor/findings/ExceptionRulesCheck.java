package io.residency.auditor.findings;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What an exception must agree with beyond its own fields: the controls and frameworks that exist,
 * the policy's approvers and maximum term, and the day the term is counted from when no approval
 * date is given.
 *
 * @param controlIds the known control ids; empty: any id of the form RES-...
 * @param frameworks the known framework ids; empty: any id
 * @param approvers  who may approve; empty: anyone
 * @param maxTerm    the longest period from approval (or {@code today}) to expiry
 * @param today      the day the register is judged on (a rejudged run: the day it started)
 */
public record ExceptionRulesCheck(Set<String> controlIds, Set<String> frameworks, List<String> approvers,
                                  java.time.Period maxTerm, LocalDate today) {

    public ExceptionRulesCheck {
        controlIds = Set.copyOf(controlIds);
        frameworks = Set.copyOf(frameworks);
        approvers = List.copyOf(approvers);
    }

    /** Only the file's own shape and the default one-year term from {@code today}. */
    public static ExceptionRulesCheck shapeOnly(LocalDate today) {
        return new ExceptionRulesCheck(Set.of(), Set.of(), List.of(), java.time.Period.ofYears(1), today);
    }
}
