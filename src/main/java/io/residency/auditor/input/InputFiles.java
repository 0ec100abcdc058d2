package io.residency.auditor.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads an input file whole, but only a regular file of bounded size: folders, FIFOs and devices
 * are refused before anything is read (a FIFO would block for ever, {@code /dev/zero} never ends),
 * and at most limit + 1 bytes are read, so a file that grows while it is read is refused too.
 * Messages say what the file is, never what it holds.
 */
public final class InputFiles {

    /** The size limit of config files and answers (bytes); {@code -Dauditor.maxInputBytes} changes it. */
    public static final long DEFAULT_MAX_INPUT_BYTES = 16L * 1024 * 1024;
    /** Policies, estates and waivers are written by hand and small: anything bigger is a mistake, not an input. */
    public static final long MAX_DECLARATION_BYTES = 4L * 1024 * 1024;

    private InputFiles() {
    }

    /** A file refused for what it is (kind or size), before or while reading it. */
    public static final class RefusedException extends IOException {
        public RefusedException(String message) {
            super(message);
        }
    }

    public static long maxBytes() {
        String configured = System.getProperty("auditor.maxInputBytes");
        if (configured != null) {
            try {
                long value = Long.parseLong(configured.strip());
                if (value > 0) {
                    return value;
                }
            } catch (NumberFormatException ignored) {
                // the default applies; a bad setting must not widen the bound
            }
        }
        return DEFAULT_MAX_INPUT_BYTES;
    }

    /** Binary or mis-encoded files are refused whole rather than parsed into garbage. */
    public static boolean isUtf8(byte[] content) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * Reads a regular file of at most {@code limit} bytes. Symbolic links are followed (Kubernetes
     * mounts ConfigMaps and Secrets through them); what they lead to must be a regular file.
     *
     * @throws RefusedException when the file is a folder, FIFO, device or socket, or larger than the limit
     */
    public static byte[] readRegular(Path file, long limit) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (attributes.isDirectory()) {
            throw new RefusedException("is a folder");
        }
        if (!attributes.isRegularFile()) {
            throw new RefusedException("is not a regular file (a FIFO, device or socket)");
        }
        if (attributes.size() > limit) {
            throw new RefusedException("is larger than " + describe(limit));
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw new RefusedException("is larger than " + describe(limit));
            }
            return bytes;
        }
    }

    public static String describe(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes + " bytes";
    }

    /** A policy, estate or waivers file: a regular file of at most 4 MiB (less if the configured limit is lower). */
    public static byte[] read(Path file, String expected) {
        try {
            return readRegular(file, Math.min(MAX_DECLARATION_BYTES, maxBytes()));
        } catch (RefusedException e) {
            throw new InvalidInputException(file.toString(), "", e.getMessage() + "; expected " + expected);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file.toString(), "", "file not found; expected " + expected);
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), "", "cannot be read (" + e.getClass().getSimpleName() + "); expected " + expected, e);
        }
    }
}
