package io.residency.auditor.collect.k8s;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.residency.auditor.collect.config.SourceReadException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One client per cluster context, made on first use and closed with this object. A named context
 * comes from the kubeconfig and must be defined there (never the current context in its place); no
 * context means the cluster the auditor runs in, through its service account. Every call is bounded
 * by the connect and request timeouts, with one retry at most, so an unreachable cluster costs
 * seconds, not the client's default back-off.
 */
final class ClusterClients implements AutoCloseable {

    static final String SERVICE_ACCOUNT = "/var/run/secrets/kubernetes.io/serviceaccount";

    private final Path explicitKubeconfig;
    private final Function<String, String> environment;
    private final Path serviceAccount;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final Map<String, KubernetesClient> clients = new TreeMap<>();
    private Kubeconfig kubeconfig;

    ClusterClients(Path explicitKubeconfig, Function<String, String> environment, Path serviceAccount, Duration connectTimeout,
                   Duration requestTimeout) {
        this.explicitKubeconfig = explicitKubeconfig;
        this.environment = environment;
        this.serviceAccount = serviceAccount;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
    }

    Duration requestTimeout() {
        return requestTimeout;
    }

    /**
     * @param context a kubeconfig context, or {@code null} for the cluster the auditor runs in.
     *                Synchronized: the collector reads several sources at a time and shares one client per context.
     */
    synchronized KubernetesClient client(String context) throws SourceReadException {
        String key = context == null ? "" : context;
        KubernetesClient client = clients.get(key);
        if (client == null) {
            Config config = bounded(context == null ? inCluster() : fromKubeconfig(context));
            try {
                client = new KubernetesClientBuilder().withConfig(config).build();
            } catch (RuntimeException e) {
                throw new SourceReadException("no client for " + (context == null ? "the cluster the auditor runs in" : "context " + context)
                        + " (" + e.getClass().getSimpleName() + "); expected a cluster address and credentials the client accepts", e);
            }
            clients.put(key, client);
        }
        return client;
    }

    private Config fromKubeconfig(String context) throws SourceReadException {
        if (kubeconfig == null) {
            Path path = Kubeconfig.locate(explicitKubeconfig, environment);
            if (path == null) {
                throw new SourceReadException("no kubeconfig for context " + context + " (no --kubeconfig, no KUBECONFIG file, no ~/.kube/config);"
                        + " expected a kubeconfig defining context " + context);
            }
            kubeconfig = Kubeconfig.read(path);
        }
        if (!kubeconfig.contexts().contains(context)) {
            throw new SourceReadException("context " + context + " is not defined in kubeconfig " + kubeconfig.path() + " (its contexts: "
                    + kubeconfig.contexts().stream().sorted().toList() + "); expected the region's cluster context (kubectl config get-contexts)");
        }
        try {
            return Config.fromKubeconfig(context, kubeconfig.text(), kubeconfig.path().toString());
        } catch (RuntimeException e) {
            throw new SourceReadException("context " + context + " of kubeconfig " + kubeconfig.path() + " cannot be used ("
                    + e.getClass().getSimpleName() + "); expected a cluster, a user and a namespace that kubectl accepts", e);
        }
    }

    /** The service account's token is read again for every request: kubelet rotates projected tokens. */
    private Config inCluster() throws SourceReadException {
        String host = environment.apply("KUBERNETES_SERVICE_HOST");
        String port = environment.apply("KUBERNETES_SERVICE_PORT");
        Path token = serviceAccount.resolve("token");
        if (host == null || host.isBlank() || port == null || port.isBlank() || !Files.isRegularFile(token)) {
            throw new SourceReadException("no k8s.context and the auditor is not running in a cluster (KUBERNETES_SERVICE_HOST or its "
                    + "service account token missing); expected k8s.context naming a context of the kubeconfig");
        }
        String master = "https://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        return new ConfigBuilder(Config.empty())
                .withMasterUrl(master)
                .withCaCertFile(serviceAccount.resolve("ca.crt").toString())
                .withOauthTokenProvider(() -> readToken(token))
                .build();
    }

    private static String readToken(Path token) {
        try {
            return Files.readString(token, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("service account token unreadable", e);
        }
    }

    private Config bounded(Config config) {
        return new ConfigBuilder(config)
                .withConnectionTimeout((int) connectTimeout.toMillis())
                .withRequestTimeout((int) requestTimeout.toMillis())
                .withRequestRetryBackoffLimit(1)
                .withRequestRetryBackoffInterval(200)
                .build();
    }

    @Override
    public synchronized void close() {
        clients.values().forEach(KubernetesClient::close);
        clients.clear();
    }
}
