package io.residency.auditor.input;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads an input file whole, turning I/O failures into messages that say what was expected. */
public final class InputFiles {

    /** Policies and estates are small; anything bigger is a mistake, not an input. */
    public static final long MAX_INPUT_BYTES = 4L * 1024 * 1024;

    private InputFiles() {
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

    public static byte[] read(Path file, String expected) {
        try {
            if (Files.isDirectory(file)) {
                throw new InvalidInputException(file.toString(), "", "is a folder; expected " + expected);
            }
            if (Files.size(file) > MAX_INPUT_BYTES) {
                throw new InvalidInputException(file.toString(), "",
                        "is larger than " + MAX_INPUT_BYTES / (1024 * 1024) + " MiB; expected " + expected);
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file.toString(), "", "file not found; expected " + expected);
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), "", "cannot be read (" + e.getClass().getSimpleName() + "); expected " + expected, e);
        }
    }
}
