package io.residency.auditor.findings;

import java.util.List;

/**
 * How one exception fared in a run: in force or expired, how many findings it covered, and the
 * frameworks whose reports list it.
 *
 * @param frameworks the exception's own framework; else those of the findings it covered; empty when it
 *                   covered none and names none (the reports then list it under every framework that maps its control)
 */
public record WaiverOutcome(int index, Waiver waiver, boolean expired, int matched, List<String> frameworks) {

    /** Where an exception stands in the register. */
    public enum State {
        /** in force and covering findings */
        ACTIVE,
        /** past its expiry: the findings it named fail again */
        EXPIRED,
        /** in force but covering nothing: a candidate for removal */
        UNUSED
    }

    public WaiverOutcome {
        frameworks = frameworks == null ? List.of() : List.copyOf(frameworks);
    }

    public WaiverOutcome(int index, Waiver waiver, boolean expired, int matched) {
        this(index, waiver, expired, matched, List.of());
    }

    public State state() {
        return expired ? State.EXPIRED : matched == 0 ? State.UNUSED : State.ACTIVE;
    }
}
