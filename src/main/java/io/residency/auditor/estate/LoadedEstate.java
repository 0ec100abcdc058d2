package io.residency.auditor.estate;

import io.residency.auditor.input.InputFiles;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * A validated estate with its file, the SHA-256 of its bytes and the identity that links runs
 * of the same estate (its {@code name}, else its absolute path).
 */
public record LoadedEstate(Estate estate, Path file, String sha256) {

    public String id() {
        return estate.name() != null ? estate.name() : file.toAbsolutePath().normalize().toString();
    }

    /** The same estate with config files allowed outside its folder ({@code --allow-files-outside-estate}). */
    public LoadedEstate withFilesOutsideAllowed() {
        return new LoadedEstate(estate.withFilesOutsideAllowed(), file, sha256);
    }

    /**
     * A source file, confined to the estate file's folder unless the estate or the run allows files
     * outside it: {@code ..} and symbolic links that lead out are refused, naming the path only.
     */
    public Path confined(String relative) throws InputFiles.RefusedException {
        Path folder = file.toAbsolutePath().normalize().getParent();
        Path target;
        try {
            target = folder.resolve(relative).normalize();
        } catch (InvalidPathException e) {
            throw new InputFiles.RefusedException("is not a valid path");
        }
        if (estate.allowFilesOutsideOrDefault()) {
            return target;
        }
        String allow = "; expected a file inside the estate file's folder (or allowFilesOutside: true in the estate, "
                + "or --allow-files-outside-estate)";
        if (!target.startsWith(folder)) {
            throw new InputFiles.RefusedException("is outside the estate file's folder" + allow);
        }
        try {
            if (!target.toRealPath().startsWith(folder.toRealPath())) {
                throw new InputFiles.RefusedException("leads outside the estate file's folder through a symbolic link" + allow);
            }
        } catch (InputFiles.RefusedException e) {
            throw e;
        } catch (IOException e) {
            // A missing file is reported as such by the reader.
        }
        return target;
    }

    /** Source files are named relative to the estate file's folder. */
    public Path resolve(String relative) {
        Path folder = file.toAbsolutePath().getParent();
        return folder.resolve(relative).normalize();
    }
}
