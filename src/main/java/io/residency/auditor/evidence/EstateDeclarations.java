package io.residency.auditor.evidence;

import io.residency.auditor.input.InputFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The estate file as a stable place to point at for what has no file of its own (an S3 bucket, the
 * federated series, the querier, a live source): the first line of the estate that names it, else
 * line 1. Read once per report; an estate that can no longer be read leaves every line at 1.
 */
final class EstateDeclarations {

    private final Path file;
    private final List<String> lines;

    private EstateDeclarations(Path file, List<String> lines) {
        this.file = file;
        this.lines = lines;
    }

    static EstateDeclarations of(String estateSource) {
        Path file = Path.of(estateSource).toAbsolutePath().normalize();
        List<String> lines;
        try {
            lines = new String(InputFiles.readRegular(file, InputFiles.maxBytes()), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException | RuntimeException e) {
            lines = List.of();
        }
        return new EstateDeclarations(file, lines);
    }

    Path file() {
        return file;
    }

    Path folder() {
        return file.getParent();
    }

    /** The first line (1-based) holding any of the words, tried in order; 1 when none is found. */
    int lineOf(String... words) {
        for (String word : words) {
            if (word == null || word.isBlank()) {
                continue;
            }
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(word)) {
                    return i + 1;
                }
            }
        }
        return 1;
    }
}
