package io.residency.auditor.findings;

import io.residency.auditor.input.InputFiles;
import io.residency.auditor.input.Sha256;
import io.residency.auditor.input.YamlInputReader;
import java.nio.file.Path;

/** Loads and validates a waivers file; a bad one exits 2 like any bad input. */
public final class WaiverLoader {

    private static final String EXPECTED = "a waivers file (waivers: [{control, resource or fingerprint, reason, approver, expires}])";

    private final YamlInputReader reader;

    public WaiverLoader(YamlInputReader reader) {
        this.reader = reader;
    }

    /** @param file the waivers file, or {@code null} for none */
    public LoadedWaivers load(Path file) {
        if (file == null) {
            return LoadedWaivers.NONE;
        }
        byte[] content = InputFiles.read(file, EXPECTED);
        WaiverFile parsed = reader.read(file.toString(), content, WaiverFile.class, EXPECTED);
        return new LoadedWaivers(parsed.waivers(), file.toString(), Sha256.hex(content));
    }
}
