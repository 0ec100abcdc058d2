package io.residency.auditor.estate;

import java.nio.file.Path;

/**
 * A validated estate with its file, the SHA-256 of its bytes and the identity that links runs
 * of the same estate (its {@code name}, else its absolute path).
 */
public record LoadedEstate(Estate estate, Path file, String sha256) {

    public String id() {
        return estate.name() != null ? estate.name() : file.toAbsolutePath().normalize().toString();
    }

    /** Source files are named relative to the estate file's folder. */
    public Path resolve(String relative) {
        Path folder = file.toAbsolutePath().getParent();
        return folder.resolve(relative).normalize();
    }
}
