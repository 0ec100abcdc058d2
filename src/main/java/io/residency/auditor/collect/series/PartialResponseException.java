package io.residency.auditor.collect.series;

/** The querier answered, but not completely (warnings, HTTP 422, a cut-off body): the scan is UNVERIFIED. */
public class PartialResponseException extends Exception {

    public PartialResponseException(String message) {
        super(message);
    }

    public PartialResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
