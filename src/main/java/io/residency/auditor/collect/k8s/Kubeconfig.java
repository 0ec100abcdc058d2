package io.residency.auditor.collect.k8s;

import io.residency.auditor.collect.config.SourceReadException;
import io.residency.auditor.input.InputFiles;
import io.residency.auditor.input.YamlParsers;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The kubeconfig file the auditor's contexts come from: {@code --kubeconfig}, else the first file of
 * {@code KUBECONFIG} that exists, else {@code ~/.kube/config}. Its content (tokens, keys) is never
 * quoted; only its path and its context names are.
 *
 * @param text     the file as read, handed to the client as is
 * @param contexts the context names it defines, in file order
 */
record Kubeconfig(Path path, String text, List<String> contexts) {

    /** A kubeconfig is a few kilobytes; one with inline certificates stays far below this. */
    static final int MAX_BYTES = 4 * 1024 * 1024;

    /** Where the kubeconfig is, or {@code null} when no candidate exists. */
    static Path locate(Path explicit, Function<String, String> environment) {
        if (explicit != null) {
            return explicit;
        }
        String list = environment.apply("KUBECONFIG");
        if (list != null && !list.isBlank()) {
            for (String entry : list.split(File.pathSeparator)) {
                if (!entry.isBlank() && Files.isRegularFile(Path.of(entry.strip()))) {
                    return Path.of(entry.strip());
                }
            }
        }
        String home = environment.apply("HOME");
        Path fallback = Path.of(home == null || home.isBlank() ? System.getProperty("user.home") : home, ".kube", "config");
        return Files.isRegularFile(fallback) ? fallback : null;
    }

    static Kubeconfig read(Path path) throws SourceReadException {
        byte[] bytes;
        try {
            bytes = InputFiles.readRegular(path, MAX_BYTES);
        } catch (InputFiles.RefusedException e) {
            throw new SourceReadException("kubeconfig " + path + " " + e.getMessage() + "; expected a kubeconfig file");
        } catch (java.nio.file.NoSuchFileException e) {
            throw new SourceReadException("kubeconfig " + path + " not found; expected a kubeconfig file (--kubeconfig, KUBECONFIG or ~/.kube/config)");
        } catch (IOException e) {
            throw new SourceReadException("kubeconfig " + path + " cannot be read (" + e.getClass().getSimpleName() + "); expected a kubeconfig file");
        }
        JsonNode root;
        try {
            root = YamlParsers.mapper().build().readTree(bytes);
        } catch (JacksonException e) {
            throw new SourceReadException("kubeconfig " + path + " is not YAML; expected a kubeconfig file (kubectl config view)");
        }
        List<String> contexts = new ArrayList<>();
        if (root != null) {
            for (JsonNode context : root.path("contexts")) {
                if (context.path("name").isString()) {
                    contexts.add(context.path("name").asString());
                }
            }
        }
        return new Kubeconfig(path, new String(bytes, StandardCharsets.UTF_8), List.copyOf(contexts));
    }
}
