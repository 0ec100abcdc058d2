package io.residency.auditor.collect.k8s;

import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.AuthInfoBuilder;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import io.residency.auditor.collect.config.SourceReadException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One client per cluster context, made on first use and closed with this object. A named context
 * comes from the kubeconfig ({@link Kubeconfig}, merged as kubectl merges KUBECONFIG) and must be
 * defined there (never the current context in its place); no context means the cluster the auditor
 * runs in, through its service account. Every call is bounded by the connect and request timeouts,
 * with one retry at most, so an unreachable cluster costs seconds, not the client's default back-off;
 * an exec credential plugin is bounded by the request timeout too.
 */
final class ClusterClients implements AutoCloseable {

    static final String SERVICE_ACCOUNT = "/var/run/secrets/kubernetes.io/serviceaccount";

    private final Path explicitKubeconfig;
    private final Function<String, String> environment;
    private final Path serviceAccount;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final Map<String, KubernetesClient> clients = new TreeMap<>();
    private final Map<String, SourceReadException> failures = new TreeMap<>();
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
        if (failures.containsKey(key)) {
            // A context that could not be configured (a plugin that hung) costs its bound once per run, not once per source.
            throw new SourceReadException(failures.get(key).getMessage(), failures.get(key));
        }
        if (client == null) {
            Config config;
            try {
                config = bounded(context == null ? inCluster() : fromKubeconfig(context));
            } catch (SourceReadException e) {
                failures.put(key, e);
                throw e;
            }
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

    /**
     * The client config of one context, from the merged kubeconfig: only that context, its cluster and
     * its user reach the client. A user's exec credential plugin is run here, within the request bound
     * ({@link CredentialPlugin}), and the client gets the credential it answered, never the plugin: the
     * client would run it without a bound, and again on every refresh.
     */
    private Config fromKubeconfig(String context) throws SourceReadException {
        if (kubeconfig == null) {
            List<Path> files = Kubeconfig.locate(explicitKubeconfig, environment);
            if (files.isEmpty()) {
                throw new SourceReadException("no kubeconfig for context " + context + " (no --kubeconfig, no KUBECONFIG file, no ~/.kube/config);"
                        + " expected a kubeconfig defining context " + context);
            }
            kubeconfig = Kubeconfig.read(files);
        }
        NamedContext named = kubeconfig.context(context).orElseThrow(() -> new SourceReadException("context " + context
                + " is not defined in kubeconfig " + kubeconfig.describe() + " (its contexts: "
                + kubeconfig.contexts().keySet().stream().sorted().toList() + "); expected the region's cluster context (kubectl config get-contexts)"));
        String clusterName = named.getContext().getCluster();
        NamedCluster cluster = kubeconfig.cluster(clusterName).orElseThrow(() -> new SourceReadException("context " + context
                + " names cluster " + clusterName + ", which kubeconfig " + kubeconfig.describe()
                + " does not define; expected the cluster's server and certificate authority under clusters"));
        String userName = named.getContext().getUser();
        List<NamedAuthInfo> users = new ArrayList<>();
        if (userName != null && !userName.isEmpty()) {
            NamedAuthInfo user = kubeconfig.user(userName).orElseThrow(() -> new SourceReadException("context " + context
                    + " names user " + userName + ", which kubeconfig " + kubeconfig.describe()
                    + " does not define; expected the user's credentials under users"));
            users.add(withPluginCredential(user, context));
        }
        io.fabric8.kubernetes.api.model.Config single = new io.fabric8.kubernetes.api.model.ConfigBuilder()
                .withContexts(named).withClusters(cluster).withUsers(users).withCurrentContext(context).build();
        try {
            Config config = Config.empty();
            KubeConfigUtils.merge(config, context, single);
            return config;
        } catch (RuntimeException e) {
            throw new SourceReadException("context " + context + " of kubeconfig " + kubeconfig.describe() + " cannot be used ("
                    + e.getClass().getSimpleName() + "); expected a cluster, a user and a namespace that kubectl accepts", e);
        }
    }

    /** The user with its exec plugin's answer in place of the plugin, or as it is when it has none. */
    private NamedAuthInfo withPluginCredential(NamedAuthInfo user, String context) throws SourceReadException {
        AuthInfo auth = user.getUser();
        if (auth.getExec() == null) {
            return user;
        }
        CredentialPlugin.Credential credential = new CredentialPlugin(requestTimeout).run(auth.getExec(), context);
        AuthInfo answered = new AuthInfoBuilder(auth).withExec(null).withToken(credential.token())
                .withClientCertificateData(credential.clientCertificateData()).withClientKeyData(credential.clientKeyData()).build();
        return new NamedAuthInfo(user.getName(), answered);
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
