package io.residency.auditor.collect.config;

/**
 * A source that could not be read or understood. The message is safe to store: it never quotes the
 * content. An answer cut off or over the bound carries what was received of it, for the bundle.
 */
public class SourceReadException extends Exception {

    private final transient byte[] received;

    public SourceReadException(String message) {
        this(message, null, null);
    }

    public SourceReadException(String message, Throwable cause) {
        this(message, null, cause);
    }

    /** @param received the answer as far as it was read (bounded), {@code null} when nothing was received */
    public SourceReadException(String message, byte[] received, Throwable cause) {
        super(message, cause);
        this.received = received == null || received.length == 0 ? null : received.clone();
    }

    /** @return what was received before the read failed, {@code null} when nothing was */
    public byte[] received() {
        return received == null ? null : received.clone();
    }
}
