package io.residency.auditor.collect.config;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A live read whose answer the evidence bundle keeps whether the read succeeds or fails part-way: all
 * of it, or as far as it came ({@link SourceReadException#received()}). The one place url:, k8s: and
 * api: reads hand their answers on.
 */
final class KeptAnswer {

    /** A read of a live source. */
    interface Read<T> {
        T read() throws SourceReadException;
    }

    private KeptAnswer() {
    }

    /**
     * @param content how to get the answer's bytes from what the read returned
     * @param keep    gets those bytes, or what was received before the read failed; nothing when nothing was
     */
    static <T> T read(Read<T> read, Function<T, byte[]> content, Consumer<byte[]> keep) throws SourceReadException {
        T result;
        try {
            result = read.read();
        } catch (SourceReadException e) {
            byte[] received = e.received();
            if (received != null) {
                keep.accept(received);
            }
            throw e;
        }
        keep.accept(content.apply(result));
        return result;
    }
}
