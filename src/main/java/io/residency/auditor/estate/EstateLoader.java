package io.residency.auditor.estate;

import io.residency.auditor.input.InputFiles;
import io.residency.auditor.input.Sha256;
import io.residency.auditor.input.YamlInputReader;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/** Loads and validates the estate file. */
public final class EstateLoader {

    private static final String EXPECTED = "an estate (regions with their sources; see README 'Estate format')";

    private final YamlInputReader reader;
    private final List<String> knownKinds;

    /**
     * @param knownKinds the source kinds the collectors can read (the registry's names): any other
     *                   {@code kind:} is bad input, refused before anything is collected
     */
    public EstateLoader(YamlInputReader reader, Collection<String> knownKinds) {
        this.reader = reader;
        this.knownKinds = knownKinds.stream().sorted().toList();
    }

    public LoadedEstate load(Path file) {
        byte[] content = InputFiles.read(file, EXPECTED);
        Estate estate = reader.read(file.toString(), content, Estate.class, EXPECTED);
        new EstateChecks(file.toString(), content, knownKinds).check(estate);
        return new LoadedEstate(estate, file, Sha256.hex(content));
    }
}
