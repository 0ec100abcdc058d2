package io.residency.auditor.collect.k8s;

import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.Cluster;
import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import io.residency.auditor.collect.config.SourceReadException;
import io.residency.auditor.input.InputFiles;
import io.residency.auditor.input.YamlParsers;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;

/**
 * The kubeconfig the auditor's contexts come from, merged as kubectl merges it (client-go's
 * {@code clientcmd} loading rules): {@code --kubeconfig} alone; else every file {@code KUBECONFIG} lists
 * (separated by {@link File#pathSeparator}, a file that does not exist skipped); else
 * {@code ~/.kube/config}. For contexts, clusters and users the first file that defines a name wins;
 * current-context is the first file's that sets one. A relative file path in an entry (a
 * certificate-authority, client certificate or key, tokenFile, an exec command with a slash) is
 * resolved against the folder of the file that holds the entry, as client-go does. The files' content
 * (tokens, keys) is never quoted; only their paths and context names are.
 *
 * @param files          the files read, in precedence order
 * @param contexts       by name, in the order they were first defined
 * @param currentContext the first current-context set, or {@code null}
 */
record Kubeconfig(List<Path> files, Map<String, NamedContext> contexts, Map<String, NamedCluster> clusters, Map<String, NamedAuthInfo> users,
                  String currentContext) {

    /** A kubeconfig is a few kilobytes; one with inline certificates stays far below this. */
    static final int MAX_BYTES = 4 * 1024 * 1024;

    /** The files to merge, in precedence order; empty when no candidate exists. */
    static List<Path> locate(Path explicit, Function<String, String> environment) {
        if (explicit != null) {
            return List.of(explicit);
        }
        String list = environment.apply("KUBECONFIG");
        if (list != null && !list.isBlank()) {
            // client-go skips a listed file that does not exist and reads one listed twice once.
            Set<Path> found = new LinkedHashSet<>();
            for (String entry : list.split(File.pathSeparator)) {
                if (!entry.isBlank() && Files.isRegularFile(Path.of(entry.strip()))) {
                    found.add(Path.of(entry.strip()).toAbsolutePath().normalize());
                }
            }
            if (!found.isEmpty()) {
                return List.copyOf(found);
            }
        }
        String home = environment.apply("HOME");
        Path fallback = Path.of(home == null || home.isBlank() ? System.getProperty("user.home") : home, ".kube", "config");
        return Files.isRegularFile(fallback) ? List.of(fallback) : List.of();
    }

    /** Reads and merges {@code files}, first file first. */
    static Kubeconfig read(List<Path> files) throws SourceReadException {
        Map<String, NamedContext> contexts = new LinkedHashMap<>();
        Map<String, NamedCluster> clusters = new LinkedHashMap<>();
        Map<String, NamedAuthInfo> users = new LinkedHashMap<>();
        String current = null;
        for (Path file : files) {
            Config one = parse(file);
            Path folder = file.toAbsolutePath().getParent();
            for (NamedContext context : nonNull(one.getContexts())) {
                if (context.getName() != null) {
                    contexts.putIfAbsent(context.getName(), context);
                }
            }
            for (NamedCluster cluster : nonNull(one.getClusters())) {
                if (cluster.getName() != null && clusters.putIfAbsent(cluster.getName(), cluster) == null) {
                    resolvePaths(cluster.getCluster(), folder);
                }
            }
            for (NamedAuthInfo user : nonNull(one.getUsers())) {
                if (user.getName() != null && users.putIfAbsent(user.getName(), user) == null) {
                    resolvePaths(user.getUser(), folder);
                }
            }
            if (current == null && one.getCurrentContext() != null && !one.getCurrentContext().isEmpty()) {
                current = one.getCurrentContext();
            }
        }
        return new Kubeconfig(List.copyOf(files), contexts, clusters, users, current);
    }

    /** The files as messages name them: one path, or the list as KUBECONFIG writes it. */
    String describe() {
        return files.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    Optional<NamedContext> context(String name) {
        return Optional.ofNullable(contexts.get(name)).filter(context -> context.getContext() != null);
    }

    Optional<NamedCluster> cluster(String name) {
        return Optional.ofNullable(name == null ? null : clusters.get(name)).filter(cluster -> cluster.getCluster() != null);
    }

    Optional<NamedAuthInfo> user(String name) {
        return Optional.ofNullable(name == null ? null : users.get(name)).filter(user -> user.getUser() != null);
    }

    private static Config parse(Path path) throws SourceReadException {
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
        try {
            YamlParsers.mapper().build().readTree(bytes);
        } catch (JacksonException e) {
            throw new SourceReadException("kubeconfig " + path + " is not YAML; expected a kubeconfig file (kubectl config view)");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            // client-go reads an empty file as an empty kubeconfig.
            return new Config();
        }
        try {
            Config config = KubeConfigUtils.parseConfigFromString(text);
            return config == null ? new Config() : config;
        } catch (RuntimeException e) {
            throw new SourceReadException("kubeconfig " + path + " is not a kubeconfig (" + e.getClass().getSimpleName()
                    + "); expected a kubeconfig file (kubectl config view)");
        }
    }

    private static void resolvePaths(Cluster cluster, Path folder) {
        if (cluster != null) {
            cluster.setCertificateAuthority(resolve(cluster.getCertificateAuthority(), folder));
        }
    }

    private static void resolvePaths(AuthInfo user, Path folder) {
        if (user == null) {
            return;
        }
        user.setClientCertificate(resolve(user.getClientCertificate(), folder));
        user.setClientKey(resolve(user.getClientKey(), folder));
        user.setTokenFile(resolve(user.getTokenFile(), folder));
        // A bare command name is looked up on PATH; only one with a slash is a path.
        if (user.getExec() != null && user.getExec().getCommand() != null && user.getExec().getCommand().contains(File.separator)) {
            user.getExec().setCommand(resolve(user.getExec().getCommand(), folder));
        }
    }

    private static String resolve(String value, Path folder) {
        if (value == null || value.isEmpty() || Path.of(value).isAbsolute() || folder == null) {
            return value;
        }
        return folder.resolve(value).normalize().toString();
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : new ArrayList<>(list);
    }
}
