package io.residency.auditor.estate;

import io.residency.auditor.input.InputFiles;
import io.residency.auditor.input.InvalidInputException;
import io.residency.auditor.input.Sha256;
import io.residency.auditor.input.YamlErrors;
import io.residency.auditor.input.YamlInputReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
        checkRegionsUnique(file, content, estate);
        checkKindsKnown(file, content, estate);
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

    private void checkKindsKnown(Path file, byte[] content, Estate estate) {
        for (int i = 0; i < estate.regions().size(); i++) {
            checkKindsKnown(file, content, estate.regions().get(i).sources(), List.of("regions", i, "sources"));
        }
        if (estate.central() != null) {
            checkKindsKnown(file, content, estate.central().sources(), List.of("central", "sources"));
        }
    }

    private void checkKindsKnown(Path file, byte[] content, List<SourceSpec> sources, List<Object> at) {
        for (int j = 0; j < sources.size(); j++) {
            SourceSpec spec = sources.get(j);
            if (spec == null || knownKinds.contains(spec.kind())) {
                continue;
            }
            List<Object> path = new ArrayList<>(at);
            path.add(j);
            String problem;
            if (spec.kind() == null || spec.kind().isBlank()) {
                problem = "no source kind; expected one of " + knownKinds;
            } else {
                path.add("kind");
                problem = "unknown source kind '" + spec.kind() + "'; expected one of " + knownKinds;
            }
            throw new InvalidInputException(file.toString(), YamlErrors.place(content, path), problem);
        }
    }
}
