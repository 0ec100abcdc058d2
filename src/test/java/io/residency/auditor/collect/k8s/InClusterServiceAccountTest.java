package io.residency.auditor.collect.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.residency.auditor.collect.config.ClusterDocument;
import io.residency.auditor.collect.config.ClusterSources;
import io.residency.auditor.collect.config.ConfigCollector;
import io.residency.auditor.collect.config.EnvExpander;
import io.residency.auditor.collect.config.PersonalAttributes;
import io.residency.auditor.collect.config.SourceFetcher;
import io.residency.auditor.collect.config.SourceReadException;
import io.residency.auditor.estate.Estate;
import io.residency.auditor.estate.K8sSource;
import io.residency.auditor.estate.LoadedEstate;
import io.residency.auditor.estate.RegionStack;
import io.residency.auditor.estate.SourceSpec;
import io.residency.auditor.facts.CollectedSource;
import io.residency.auditor.facts.SourceStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A source without a context, read as the auditor reads it inside a pod: the API server from
 * KUBERNETES_SERVICE_HOST/PORT over HTTPS, trusted only through the service account's ca.crt, and the
 * service account's token (read again for every request, as kubelet rotates it) sent as a bearer token.
 * The folder and the environment are the pod's own shape, in a temp folder against an HTTPS API server.
 */
class InClusterServiceAccountTest {

    private static final String TOKEN = "plantedServiceAccountToken";
    private static final String ROTATED = "plantedRotatedServiceAccountToken";
    private static final List<String> LOKI_KEYS = List.of("config.yaml");

    @TempDir
    Path dir;

    private final ClusterStandIns clusters = new ClusterStandIns();
    private Path serviceAccount;
    private Function<String, String> environment;

    @BeforeEach
    void startCluster() throws IOException {
        KubernetesClient admin = clusters.tlsCluster("in-cluster");
        ClusterStandIns.configMap(admin, "logging", "loki", Map.of("config.yaml", KubernetesSourcesTest.LOKI_EU));
        serviceAccount = Files.createDirectories(dir.resolve("serviceaccount"));
        Files.writeString(serviceAccount.resolve("token"), TOKEN);
        Files.writeString(serviceAccount.resolve("namespace"), "observability");
        Files.copy(clusters.certificate("in-cluster"), serviceAccount.resolve("ca.crt"));
        int port = clusters.server("in-cluster").getPort();
        environment = Map.of("KUBERNETES_SERVICE_HOST", "127.0.0.1", "KUBERNETES_SERVICE_PORT", String.valueOf(port))::get;
    }

    @AfterEach
    void stopCluster() {
        clusters.close();
    }

    private ClusterSources inPod() {
        return new KubernetesSources(environment, serviceAccount, Duration.ofSeconds(2), Duration.ofSeconds(5)).open(null);
    }

    private static K8sSource loki() {
        return new K8sSource(null, "logging", "loki", null, null, "config.yaml");
    }

    /** The Authorization headers of the gets of the Loki ConfigMap the server received, in order. */
    private List<String> authorizationsOfGets() throws InterruptedException {
        KubernetesMockServer server = clusters.server("in-cluster");
        List<String> headers = new ArrayList<>();
        for (RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS); request != null; request = server.takeRequest(1, TimeUnit.SECONDS)) {
            if ("GET".equals(request.getMethod()) && request.getPath().startsWith("/api/v1/namespaces/logging/configmaps/loki")) {
                headers.add(request.getHeader("Authorization"));
            }
        }
        return headers;
    }

    @Test
    void theObjectIsReadOverHttpsTrustedByTheServiceAccountsCaWithItsTokenAsBearer() throws Exception {
        try (ClusterSources sources = inPod()) {
            ClusterDocument document = sources.fetch(loki(), LOKI_KEYS);

            assertThat(new String(document.content(), StandardCharsets.UTF_8)).isEqualTo(KubernetesSourcesTest.LOKI_EU);
            assertThat(document.location()).isEqualTo("k8s://in-cluster/logging/configmap/loki#config.yaml");

            // kubelet rotates a projected token: the next request carries the file's new content.
            Files.writeString(serviceAccount.resolve("token"), ROTATED + "\n");
            sources.fetch(loki(), LOKI_KEYS);
        }
        assertThat(authorizationsOfGets()).containsExactly("Bearer " + TOKEN, "Bearer " + ROTATED);
    }

    @Test
    void anApiServerTheServiceAccountsCaDoesNotSignIsUnverifiedNamingItAndNoTokenIsSentOrShown() throws Exception {
        clusters.tlsCluster("impostor-ca");
        Files.copy(clusters.certificate("impostor-ca"), serviceAccount.resolve("ca.crt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String server = "https://127.0.0.1:" + clusters.server("in-cluster").getPort();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        CollectedSource collected;
        try (ClusterSources sources = inPod()) {
            assertThatThrownBy(() -> sources.fetch(loki(), LOKI_KEYS))
                    .isInstanceOf(SourceReadException.class)
                    .hasMessageStartingWith("configmap loki in namespace logging of the cluster the auditor runs in: the API server " + server
                            + " was not trusted (")
                    .hasMessageEndingWith("); expected its certificate to be signed by the service account's ca.crt")
                    .message().doesNotContain(TOKEN);
            collected = collect(sources);
        } finally {
            root.detachAppender(logs);
        }

        assertThat(collected.source().status()).as("fails closed: RES-SOURCE reads ERROR as UNVERIFIED").isEqualTo(SourceStatus.ERROR);
        assertThat(collected.source().reason()).contains("the API server " + server + " was not trusted").doesNotContain(TOKEN);
        assertThat(collected.storage()).isEmpty();
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).isNotEmpty()
                .allSatisfy(line -> assertThat(line).doesNotContain(TOKEN));
        assertThat(authorizationsOfGets()).as("no request reached the server with the token").isEmpty();
    }

    @Test
    void withoutTheServiceHostTheSourceSaysToNameAContext() {
        try (ClusterSources outside = new KubernetesSources(name -> null, serviceAccount, Duration.ofSeconds(2), Duration.ofSeconds(5)).open(null)) {
            assertThatThrownBy(() -> outside.fetch(loki(), LOKI_KEYS))
                    .isInstanceOf(SourceReadException.class)
                    .hasMessageStartingWith("no k8s.context and the auditor is not running in a cluster");
        }
    }

    private CollectedSource collect(ClusterSources sources) {
        LoadedEstate estate = new LoadedEstate(new Estate(null, List.of(new RegionStack("eu-west-1", List.of(new SourceSpec(null, "loki",
                null, null, null, null, null, null, null, null, null, null, loki(), null)))), null, null, null, null, null, null),
                dir.resolve("estate.yaml"), "0");
        ConfigCollector collector = new ConfigCollector(new SourceFetcher(Duration.ofSeconds(1), Duration.ofSeconds(1), name -> null),
                new EnvExpander(name -> null));
        return collector.collect(estate, false, sources, PersonalAttributes.NONE).get(0);
    }
}
