package io.residency.auditor.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code MANIFEST.sha256}: the SHA-256 of every file of a bundle, subfolders included, in
 * {@code sha256sum} format, so an auditor can check it with this tool ({@code verify}) or with
 * {@code sha256sum -c}. The signature envelope ({@code bundle.dsse.json}) is written after it and
 * is not listed; it covers the manifest instead.
 */
public final class Manifest {

    public static final String FILE_NAME = "MANIFEST.sha256";

    private Manifest() {
    }

    public static void write(Path bundle) throws IOException {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> entry : hashFiles(bundle).entrySet()) {
            text.append(entry.getValue()).append("  ").append(entry.getKey()).append('\n');
        }
        Files.writeString(bundle.resolve(FILE_NAME), text, StandardCharsets.UTF_8);
    }

    /** @return the problems found; empty when every file matches the manifest and none is missing or added */
    public static List<String> verify(Path bundle) throws IOException {
        Path manifestFile = bundle.resolve(FILE_NAME);
        if (!Files.isRegularFile(manifestFile)) {
            return List.of(FILE_NAME + " is missing: this is not an evidence bundle, or it is incomplete");
        }
        Map<String, String> recorded = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        List<String> lines = Files.readAllLines(manifestFile, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String[] parts = lines.get(i).split("  ", 2);
            if (parts.length != 2 || !parts[0].matches("[0-9a-f]{64}")) {
                problems.add(FILE_NAME + " line " + (i + 1) + ": expected '<sha256>  <file name>'");
                continue;
            }
            recorded.put(parts[1], parts[0]);
        }
        if (recorded.isEmpty()) {
            // An empty manifest "matches" an empty folder: that proves nothing, so it is not a bundle.
            problems.add(0, FILE_NAME + " lists no file: it vouches for nothing, this is not an evidence bundle");
            return problems;
        }
        Map<String, String> actual = hashFiles(bundle);
        recorded.forEach((name, hash) -> {
            String now = actual.get(name);
            if (now == null) {
                problems.add(name + ": listed in the manifest but missing");
            } else if (!now.equals(hash)) {
                problems.add(name + ": changed (SHA-256 " + now + ", manifest says " + hash + ")");
            }
        });
        actual.keySet().stream().filter(name -> !recorded.containsKey(name))
                .forEach(name -> problems.add(name + ": not in the manifest"));
        return problems;
    }

    /** Every file in every subfolder, so a file slipped into a subfolder is not overlooked. */
    private static Map<String, String> hashFiles(Path bundle) throws IOException {
        return BundleFiles.sha256(bundle, Set.of(FILE_NAME, BundleFiles.ENVELOPE));
    }
}
