package io.residency.auditor.facts;

/** Another audit of the same estate holds the run lock. */
public class EstateLockedException extends RuntimeException {

    public EstateLockedException(String message) {
        super(message);
    }
}
