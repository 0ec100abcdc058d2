package io.residency.auditor.estate;

import io.residency.auditor.input.InputFiles;
import io.residency.auditor.input.InvalidInputException;
import io.residency.auditor.input.Sha256;
import io.residency.auditor.input.YamlErrors;
import io.residency.auditor.input.YamlInputReader;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Loads and validates the estate file. */
public final class EstateLoader {

    private static final String EXPECTED = "an estate (regions with their sources; see README 'Estate format')";

    private final YamlInputReader reader;

    public EstateLoader(YamlInputReader reader) {
        this.reader = reader;
    }

    public LoadedEstate load(Path file) {
        byte[] content = InputFiles.read(file, EXPECTED);
        Estate estate = reader.read(file.toString(), content, Estate.class, EXPECTED);
        checkRegionsUnique(file, content, estate);
        new EstateChecks(file.toString(), content).check(estate);
        return new LoadedEstate(estate, file, Sha256.hex(content));
    }

    private static void checkRegionsUnique(Path file, byte[] content, Estate estate) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < estate.regions().size(); i++) {
            String region = estate.regions().get(i).name();
            if (!seen.add(region)) {
                throw new InvalidInputException(file.toString(), YamlErrors.place(content, List.of("regions", i, "name")),
                        "region " + region + " is listed twice; expected each region once, with all its sources");
            }
        }
    }
}
