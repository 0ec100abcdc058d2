package io.residency.auditor.cli;

import io.residency.auditor.input.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The DIR argument of the commands that read a bundle: it must be a folder (exit 2 otherwise). */
final class BundleFolder {

    private BundleFolder() {
    }

    static void require(Path bundle) {
        if (!Files.isDirectory(bundle)) {
            throw new InvalidInputException(bundle.toString(), "", Files.exists(bundle)
                    ? "not a folder; expected an evidence bundle folder" : "no such folder; expected an evidence bundle folder");
        }
    }
}
