package io.residency.auditor.collect.config;

/** A source that could not be read or understood. The message is safe to store: it never quotes the content. */
public class SourceReadException extends Exception {

    public SourceReadException(String message) {
        super(message);
    }

    public SourceReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
