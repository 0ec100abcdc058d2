package io.residency.auditor.evidence;

import io.residency.auditor.input.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files of a bundle, in every subfolder, by their path relative to the bundle with '/'
 * separators (as {@code sha256sum -c} and in-toto subjects name them), with their SHA-256.
 */
public final class BundleFiles {

    /** The signature envelope: written after everything else, so it cannot list itself. */
    public static final String ENVELOPE = "bundle.dsse.json";

    private BundleFiles() {
    }

    /** @param excluded top-level names left out, e.g. the manifest or the envelope */
    public static SortedMap<String, String> sha256(Path bundle, Set<String> excluded) throws IOException {
        SortedMap<String, String> hashes = new TreeMap<>();
        for (Path file : regularFiles(bundle)) {
            String name = name(bundle, file);
            if (!excluded.contains(name)) {
                hashes.put(name, hash(file));
            }
        }
        return hashes;
    }

    static List<Path> regularFiles(Path bundle) throws IOException {
        try (Stream<Path> paths = Files.walk(bundle)) {
            return paths.filter(Files::isRegularFile).sorted().toList();
        }
    }

    static String name(Path bundle, Path file) {
        return bundle.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    public static String hash(Path file) throws IOException {
        MessageDigest digest = Sha256.digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
