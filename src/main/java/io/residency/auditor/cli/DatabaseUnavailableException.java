package io.residency.auditor.cli;

/** The findings database could not be opened or migrated, so no run could start. */
public class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException(String redactedUrl, String reason, Throwable cause) {
        super("could not open the findings database " + redactedUrl + ": " + reason, cause);
    }
}
