package io.residency.auditor.findings;

import io.residency.auditor.input.InputFiles;
import io.residency.auditor.input.InvalidInputException;
import io.residency.auditor.input.YamlErrors;
import io.residency.auditor.input.Sha256;
import io.residency.auditor.input.YamlInputReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Loads and validates a waivers file; a bad one exits 2 like any bad input. */
public final class WaiverLoader {

    private static final String EXPECTED = "a waivers file (waivers: [{control, resource or fingerprint, reason, approver, expires}])";

    private final YamlInputReader reader;
    private final Set<String> controlIds;

    /** Without the control catalogue (tests of the file format): control ids are checked for shape only. */
    public WaiverLoader(YamlInputReader reader) {
        this(reader, Set.of());
    }

    /** @param controlIds the ids of the controls a waiver may name; empty: any id of the form RES-... */
    public WaiverLoader(YamlInputReader reader, Set<String> controlIds) {
        this.reader = reader;
        this.controlIds = Set.copyOf(controlIds);
    }

    /** @param file the waivers file, or {@code null} for none */
    public LoadedWaivers load(Path file) {
        if (file == null) {
            return LoadedWaivers.NONE;
        }
        byte[] content = InputFiles.read(file, EXPECTED);
        WaiverFile parsed = reader.read(file.toString(), content, WaiverFile.class, EXPECTED);
        for (int i = 0; i < parsed.waivers().size(); i++) {
            String control = parsed.waivers().get(i).control();
            boolean known = controlIds.isEmpty() ? control.matches("RES-[A-Z0-9-]{1,40}") : controlIds.contains(control);
            if (!known) {
                throw new InvalidInputException(file.toString(), YamlErrors.place(content, List.of("waivers", i, "control")),
                        "unknown control id" + (control.matches("[A-Za-z0-9-]{1,40}") ? " '" + control + "'" : "")
                        + "; expected one of " + (controlIds.isEmpty() ? "the RES-... ids of the README" : new TreeSet<>(controlIds)));
            }
        }
        return new LoadedWaivers(parsed.waivers(), file.toString(), Sha256.hex(content));
    }
}
