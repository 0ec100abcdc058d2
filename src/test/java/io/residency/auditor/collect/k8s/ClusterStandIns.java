package io.residency.auditor.collect.k8s;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes API servers in the JVM for the k8s sources' tests: fabric8's mock server in CRUD mode
 * (objects created through its API are served back as a real API server serves them, discovery of
 * the OpenTelemetry Operator's CRD included), one per cluster, and a kubeconfig naming them.
 */
public final class ClusterStandIns implements AutoCloseable {

    /** The bearer token of the kubeconfig's user: it must never appear in anything the auditor writes. */
    public static final String TOKEN = "plantedKubeconfigToken";

    public static final CustomResourceDefinitionContext OTEL_COLLECTOR = new CustomResourceDefinitionContext.Builder()
            .withGroup("opentelemetry.io").withVersion("v1beta1").withKind("OpenTelemetryCollector")
            .withPlural("opentelemetrycollectors").withScope("Namespaced").build();

    private final Map<String, KubernetesMockServer> servers = new LinkedHashMap<>();
    private final Map<String, KubernetesClient> clients = new HashMap<>();
    private final Map<String, MockWebServer> tls = new HashMap<>();
    private final Map<String, String> unreachable = new LinkedHashMap<>();
    private final List<ServerSocket> silent = new ArrayList<>();

    /** A cluster behind {@code context}, serving whatever is created through {@link #client}. */
    public KubernetesClient cluster(String context) {
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(List.of(OTEL_COLLECTOR)), false);
        server.init();
        servers.put(context, server);
        KubernetesClient client = server.createClient();
        clients.put(context, client);
        return client;
    }

    /**
     * A cluster behind {@code context} served over HTTPS with a certificate of its own (CN=localhost,
     * names localhost and 127.0.0.1), whose CA is {@link #certificate}; objects as in {@link #cluster}.
     */
    public KubernetesClient tlsCluster(String context) {
        MockWebServer web = new MockWebServer();
        KubernetesMockServer server = new KubernetesMockServer(new Context(), web, new HashMap<>(),
                new KubernetesCrudDispatcher(List.of(OTEL_COLLECTOR)), true);
        server.init();
        servers.put(context, server);
        tls.put(context, web);
        KubernetesClient client = server.createClient();
        clients.put(context, client);
        return client;
    }

    /** The PEM certificate an HTTPS cluster serves, which is its own CA. */
    public Path certificate(String context) {
        return Path.of(tls.get(context).getSelfSignedCertificate().certificatePath());
    }

    /** The API server of {@code context}, for reading what it was sent. */
    public KubernetesMockServer server(String context) {
        return servers.get(context);
    }

    /** Its address as a kubeconfig's {@code server:} names it. */
    public String address(String context) {
        KubernetesMockServer server = servers.get(context);
        if (server == null) {
            return unreachable.get(context);
        }
        return (tls.containsKey(context) ? "https://" : "http://") + server.getHostName() + ":" + server.getPort();
    }

    /** A cluster that answers with expectations only (for 403 and other refusals). */
    public KubernetesMockServer expectations(String context) {
        KubernetesMockServer server = new KubernetesMockServer(false);
        server.init();
        servers.put(context, server);
        return server;
    }

    /** A context whose API server address has nothing listening. */
    public void unreachable(String context) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        unreachable.put(context, "http://127.0.0.1:" + port);
    }

    /** A context whose API server accepts connections (the kernel's backlog) and never answers. */
    public void silent(String context) throws IOException {
        ServerSocket socket = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        silent.add(socket);
        unreachable.put(context, "http://127.0.0.1:" + socket.getLocalPort());
    }

    public KubernetesClient client(String context) {
        return clients.get(context);
    }

    public static void configMap(KubernetesClient client, String namespace, String name, Map<String, String> data) {
        client.configMaps().inNamespace(namespace).resource(new ConfigMapBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).endMetadata().withData(data).build()).create();
    }

    /** A Secret as the API stores it: each value base64-encoded under {@code data}. */
    public static void secret(KubernetesClient client, String namespace, String name, Map<String, String> values) {
        Map<String, String> data = new LinkedHashMap<>();
        values.forEach((key, value) -> data.put(key, Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
        client.secrets().inNamespace(namespace).resource(new SecretBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).endMetadata().withType("Opaque").withData(data).build()).create();
    }

    /** The OpenTelemetry Operator's own v1beta1 sample collector, created in {@code namespace}. */
    public static GenericKubernetesResource operatorSample(KubernetesClient client, String namespace) throws IOException {
        try (InputStream sample = ClusterStandIns.class.getResourceAsStream("/upstream/k8s/core_v1beta1_opentelemetrycollector.yaml")) {
            return collector(client, namespace, new String(sample.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** An OpenTelemetryCollector resource (v1beta1 YAML) created in {@code namespace} through the API. */
    public static GenericKubernetesResource collector(KubernetesClient client, String namespace, String yaml) {
        GenericKubernetesResource resource = client.getKubernetesSerialization().unmarshal(yaml, GenericKubernetesResource.class);
        resource.getMetadata().setNamespace(namespace);
        return client.genericKubernetesResources(OTEL_COLLECTOR).inNamespace(namespace).resource(resource).create();
    }

    /** A kubeconfig with one context per cluster, all with the same token user, as {@code kubectl config view --raw} writes it. */
    public Path kubeconfig(Path file) throws IOException {
        StringBuilder clusters = new StringBuilder();
        StringBuilder contexts = new StringBuilder();
        Map<String, String> addresses = new LinkedHashMap<>();
        servers.keySet().forEach(context -> addresses.put(context, address(context)));
        addresses.putAll(unreachable);
        addresses.forEach((context, address) -> {
            clusters.append("- name: ").append(context).append("\n  cluster:\n    server: ").append(address).append('\n');
            contexts.append("- name: ").append(context).append("\n  context:\n    cluster: ").append(context)
                    .append("\n    user: auditor\n    namespace: default\n");
        });
        return Files.writeString(file, "apiVersion: v1\nkind: Config\nclusters:\n" + clusters + "users:\n- name: auditor\n  user:\n    token: "
                + TOKEN + "\ncontexts:\n" + contexts + "current-context: " + addresses.keySet().iterator().next() + "\n");
    }

    @Override
    public void close() {
        clients.values().forEach(KubernetesClient::close);
        List<KubernetesMockServer> all = new ArrayList<>(servers.values());
        all.forEach(KubernetesMockServer::destroy);
        for (ServerSocket socket : silent) {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing a listener that never accepted: nothing to keep.
            }
        }
    }
}
