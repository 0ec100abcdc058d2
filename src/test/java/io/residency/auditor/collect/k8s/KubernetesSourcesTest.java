package io.residency.auditor.collect.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import static org.assertj.core.api.Assertions.tuple;

import io.residency.auditor.collect.config.ClusterDocument;
import io.residency.auditor.collect.config.ConfigCollector;
import io.residency.auditor.collect.config.PersonalAttributes;
import io.residency.auditor.collect.config.EnvExpander;
import io.residency.auditor.collect.config.SourceFetcher;
import io.residency.auditor.estate.Estate;
import io.residency.auditor.estate.LoadedEstate;
import io.residency.auditor.estate.RegionStack;
import io.residency.auditor.estate.SourceSpec;
import io.residency.auditor.facts.CollectedSource;
import io.residency.auditor.facts.SourceStatus;
import io.residency.auditor.facts.StorageFact;
import io.residency.auditor.collect.config.ClusterSources;
import io.residency.auditor.collect.config.SourceReadException;
import io.residency.auditor.estate.K8sResource;
import io.residency.auditor.estate.K8sSource;
import io.residency.auditor.input.YamlParsers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The k8s sources against in-JVM API servers: two clusters (contexts eu-prod and us-prod) of one
 * kubeconfig, one that refuses (403), one that is not there.
 */
class KubernetesSourcesTest {

    /** The Loki docs' "AWS deployment (S3 Single Store)" shape, as the grafana/loki chart renders it into ConfigMap loki. */
    static final String LOKI_EU = """
            auth_enabled: false
            server:
              http_listen_port: 3100
            common:
              path_prefix: /var/loki
              replication_factor: 1
              storage:
                s3:
                  s3: s3://eu-west-1/loki-chunks-eu
                  s3forcepathstyle: true
            schema_config:
              configs:
                - from: "2024-04-01"
                  store: tsdb
                  object_store: s3
                  schema: v13
                  index:
                    prefix: index_
                    period: 24h
            """;
    static final String LOKI_US = LOKI_EU.replace("s3://eu-west-1/loki-chunks-eu", "s3://us-east-1/loki-chunks-us");
    static final String SECRET_VALUE = "plantedSecretAccessKeyInCluster";
    static final String LOKI_IN_SECRET = LOKI_EU.replace("      s3forcepathstyle: true\n",
            "      s3forcepathstyle: true\n      access_key_id: AKIAPLANTEDCLUSTER01\n      secret_access_key: " + SECRET_VALUE + "\n");

    @TempDir
    Path dir;

    private final ClusterStandIns clusters = new ClusterStandIns();
    private KubernetesMockServer refusing;
    private Path kubeconfig;
    private ClusterSources sources;

    @BeforeEach
    void startClusters() throws IOException {
        KubernetesClient eu = clusters.cluster("eu-prod");
        KubernetesClient us = clusters.cluster("us-prod");
        refusing = clusters.expectations("eu-restricted");
        clusters.unreachable("eu-gone");
        clusters.silent("eu-silent");
        ClusterStandIns.configMap(eu, "logging", "loki", Map.of("config.yaml", LOKI_EU, "runtime-config.yaml", "overrides: {}\n"));
        ClusterStandIns.configMap(us, "logging", "loki", Map.of("config.yaml", LOKI_US));
        ClusterStandIns.secret(eu, "logging", "loki-config", Map.of("config.yaml", LOKI_IN_SECRET, "admin-password", SECRET_VALUE));
        ClusterStandIns.operatorSample(eu, "observability");
        // The API server's own answer to a get the service account has no Role for.
        refusing.expect().get().withPath("/api/v1/namespaces/logging/secrets/loki-config").andReturn(403, """
                {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"secrets \\"loki-config\\" is forbidden: \
                User \\"system:serviceaccount:observability:residency-auditor\\" cannot get resource \\"secrets\\" in API group \\"\\" \
                in the namespace \\"logging\\"","reason":"Forbidden","details":{"name":"loki-config","kind":"secrets"},"code":403}""").always();
        kubeconfig = clusters.kubeconfig(dir.resolve("kubeconfig"));
        sources = open(kubeconfig, name -> null);
    }

    @AfterEach
    void stopClusters() {
        sources.close();
        clusters.close();
    }

    private ClusterSources open(Path explicit, Function<String, String> environment) {
        return new KubernetesSources(environment, dir.resolve("no-service-account"), Duration.ofSeconds(2), Duration.ofSeconds(5)).open(explicit);
    }

    private static K8sSource configMap(String context, String name, String key) {
        return new K8sSource(context, "logging", name, null, null, key);
    }

    private static final List<String> LOKI_KEYS = List.of("config.yaml", "config.yml", "loki.yaml");

    @Test
    void aConfigMapKeyIsReadFromTheClusterOfItsContext() throws SourceReadException {
        ClusterDocument document = sources.fetch(configMap("eu-prod", "loki", "config.yaml"), LOKI_KEYS);

        assertThat(new String(document.content(), StandardCharsets.UTF_8)).isEqualTo(LOKI_EU);
        assertThat(document.location()).isEqualTo("k8s://eu-prod/logging/configmap/loki#config.yaml");
    }

    @Test
    void oneKubeconfigReadsTwoClustersByTheirContexts() throws SourceReadException {
        String eu = new String(sources.fetch(configMap("eu-prod", "loki", "config.yaml"), LOKI_KEYS).content(), StandardCharsets.UTF_8);
        String us = new String(sources.fetch(configMap("us-prod", "loki", "config.yaml"), LOKI_KEYS).content(), StandardCharsets.UTF_8);

        assertThat(eu).contains("s3://eu-west-1/loki-chunks-eu");
        assertThat(us).contains("s3://us-east-1/loki-chunks-us");
    }

    @Test
    void withoutAKeyTheKindsUsualKeyIsChosenAndNamedInTheLocation() throws SourceReadException {
        ClusterDocument document = sources.fetch(configMap("eu-prod", "loki", null), LOKI_KEYS);

        assertThat(document.location()).isEqualTo("k8s://eu-prod/logging/configmap/loki#config.yaml");
        assertThat(sources.location(configMap("eu-prod", "loki", null))).isEqualTo("k8s://eu-prod/logging/configmap/loki");
    }

    @Test
    void aSecretKeyIsHandedOnBase64Decoded() throws SourceReadException {
        ClusterDocument document = sources.fetch(new K8sSource("eu-prod", "logging", null, "loki-config", null, "config.yaml"), LOKI_KEYS);

        assertThat(new String(document.content(), StandardCharsets.UTF_8)).isEqualTo(LOKI_IN_SECRET);
        assertThat(document.location()).isEqualTo("k8s://eu-prod/logging/secret/loki-config#config.yaml");
    }

    @Test
    void aCustomResourceIsHandedOnWholeAsYaml() throws Exception {
        K8sSource collector = new K8sSource("eu-prod", "observability", null, null,
                new K8sResource("opentelemetry.io/v1beta1", "OpenTelemetryCollector", "otel"), null);

        ClusterDocument document = sources.fetch(collector, List.of());

        JsonNode served = YamlParsers.mapper().build().readTree(document.content());
        JsonNode sample;
        try (InputStream in = getClass().getResourceAsStream("/upstream/k8s/core_v1beta1_opentelemetrycollector.yaml")) {
            sample = YamlParsers.mapper().build().readTree(in);
        }
        assertThat(served.path("apiVersion").asString()).isEqualTo("opentelemetry.io/v1beta1");
        assertThat(served.path("kind").asString()).isEqualTo("OpenTelemetryCollector");
        assertThat(served.path("metadata").path("name").asString()).isEqualTo("otel");
        assertThat(served.path("spec")).isEqualTo(sample.path("spec"));
        assertThat(document.location()).isEqualTo("k8s://eu-prod/observability/opentelemetry.io/v1beta1/OpenTelemetryCollector/otel");
    }

    @Test
    void aMissingObjectNamesContextNamespaceObjectAndHowToCheck() {
        assertThatThrownBy(() -> sources.fetch(configMap("us-prod", "tempo", "tempo.yaml"), LOKI_KEYS))
                .isInstanceOf(SourceReadException.class)
                .hasMessage("configmap tempo in namespace logging of context us-prod not found (HTTP 404); expected it to exist "
                        + "(kubectl --context us-prod -n logging get configmaps tempo)");
    }

    @Test
    void aMissingSecretKeyNamesTheKeysFoundButNeverAValue() {
        assertThatThrownBy(() -> sources.fetch(new K8sSource("eu-prod", "logging", null, "loki-config", null, "loki.yaml"), LOKI_KEYS))
                .isInstanceOf(SourceReadException.class)
                .hasMessage("secret loki-config in namespace logging of context eu-prod has no key loki.yaml (its keys: [admin-password, config.yaml]);"
                        + " expected k8s.key to name the key that holds the config")
                .message().doesNotContain(SECRET_VALUE);
    }

    @Test
    void aForbiddenGetNamesTheRoleRuleToAdd() throws InterruptedException {
        assertThatThrownBy(() -> sources.fetch(new K8sSource("eu-restricted", "logging", null, "loki-config", null, "config.yaml"), LOKI_KEYS))
                .isInstanceOf(SourceReadException.class)
                .hasMessage("secret loki-config in namespace logging of context eu-restricted: access denied (HTTP 403 Forbidden); expected a Role "
                        + "in namespace logging with the rule {apiGroups: [\"\"], resources: [secrets], resourceNames: [loki-config], verbs: [get]} "
                        + "bound to the auditor's service account or user (see README 'Kubernetes sources')");
        RecordedRequest request = refusing.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getHeader("Authorization")).as("the kubeconfig user's token is what the cluster was shown")
                .isEqualTo("Bearer " + ClusterStandIns.TOKEN);
    }

    @Test
    void anUnknownContextListsTheKubeconfigsContextsAndNeverFallsBackToTheCurrentOne() {
        assertThatThrownBy(() -> sources.fetch(configMap("ap-prod", "loki", "config.yaml"), LOKI_KEYS))
                .isInstanceOf(SourceReadException.class)
                .hasMessage("context ap-prod is not defined in kubeconfig " + kubeconfig + " (its contexts: [eu-gone, eu-prod, eu-restricted, eu-silent, us-prod]);"
                        + " expected the region's cluster context (kubectl config get-contexts)");
    }

    @Test
    void anUnreachableClusterIsReportedWithTheContextAndTheBound() {
        long started = System.nanoTime();

        assertThatThrownBy(() -> sources.fetch(configMap("eu-gone", "loki", "config.yaml"), LOKI_KEYS))
                .isInstanceOf(SourceReadException.class)
                .hasMessageStartingWith("configmap loki in namespace logging of context eu-gone: the API server http://127.0.0.1:")
                .hasMessageContaining(" did not answer (")
                .hasMessageEndingWith("); expected the cluster to be reachable within 5 s");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void anApiServerThatNeverAnswersIsUnreadableWithinTheRequestBound() {
        long started = System.nanoTime();
        try (ClusterSources impatient = new KubernetesSources(name -> null, dir, Duration.ofSeconds(1), Duration.ofSeconds(1)).open(kubeconfig)) {
            assertThatThrownBy(() -> impatient.fetch(configMap("eu-silent", "loki", "config.yaml"), LOKI_KEYS))
                    .isInstanceOf(SourceReadException.class)
                    .hasMessageStartingWith("configmap loki in namespace logging of context eu-silent: the API server http://127.0.0.1:")
                    .hasMessageContaining(" did not answer (")
                    .hasMessageEndingWith("); expected the cluster to be reachable within 1 s");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("one request and one retry of 1 s each, not the client's defaults")
                .isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aKindTheClusterDoesNotServeSaysWhichCrdIsMissing() {
        K8sSource monitor = new K8sSource("eu-prod", "observability", null, null,
                new K8sResource("monitoring.coreos.com/v1", "Prometheus", "k8s"), null);

        assertThatThrownBy(() -> sources.fetch(monitor, List.of()))
                .isInstanceOf(SourceReadException.class)
                .hasMessageContaining("the cluster does not serve monitoring.coreos.com/v1; expected the operator's CustomResourceDefinition to be installed");
    }

    @Test
    void theKubeconfigComesFromKubeconfigEnvironmentWhenNoOptionIsGiven() throws SourceReadException {
        try (ClusterSources fromEnvironment = open(null, name -> "KUBECONFIG".equals(name) ? dir.resolve("absent") + ":" + kubeconfig : null)) {
            assertThat(fromEnvironment.fetch(configMap("us-prod", "loki", null), LOKI_KEYS).location())
                    .isEqualTo("k8s://us-prod/logging/configmap/loki#config.yaml");
        }
    }

    @Test
    void noKubeconfigAnywhereSaysWhereOneWasLookedFor() {
        try (ClusterSources none = open(null, name -> "HOME".equals(name) ? dir.resolve("empty-home").toString() : null)) {
            assertThatThrownBy(() -> none.fetch(configMap("eu-prod", "loki", null), LOKI_KEYS))
                    .isInstanceOf(SourceReadException.class)
                    .hasMessage("no kubeconfig for context eu-prod (no --kubeconfig, no KUBECONFIG file, no ~/.kube/config);"
                            + " expected a kubeconfig defining context eu-prod");
        }
    }

    @Test
    void theCollectorParsesAClusterKeyLikeAFileAndReadsNoClusterOffline() {
        LoadedEstate estate = new LoadedEstate(new Estate(null, List.of(new RegionStack("eu-west-1", List.of(new SourceSpec(null, "loki",
                null, null, null, null, null, null, null, null, null, null, configMap("eu-prod", "loki", null), null)))), null, null, null, null, null, null),
                dir.resolve("estate.yaml"), "0");
        ConfigCollector collector = new ConfigCollector(new SourceFetcher(Duration.ofSeconds(1), Duration.ofSeconds(1), name -> null),
                new EnvExpander(name -> null));

        CollectedSource online = collector.collect(estate, false, sources, PersonalAttributes.NONE).get(0);
        CollectedSource offline = collector.collect(estate, true, sources, PersonalAttributes.NONE).get(0);

        assertThat(online.source().status()).isEqualTo(SourceStatus.OK);
        assertThat(online.source().location()).isEqualTo("k8s://eu-prod/logging/configmap/loki#config.yaml");
        assertThat(online.storage()).extracting(StorageFact::bucket, StorageFact::line).containsExactly(tuple("loki-chunks-eu", 8));
        assertThat(offline.source().status()).isEqualTo(SourceStatus.ERROR);
        assertThat(offline.source().location()).isEqualTo("k8s://eu-prod/logging/configmap/loki");
        assertThat(offline.source().reason()).isEqualTo("a Kubernetes source is not read offline; point the estate at the release's rendered config file");
    }

    @Test
    void noContextOutsideAClusterSaysToNameAContext() {
        assertThatThrownBy(() -> sources.fetch(configMap(null, "loki", null), LOKI_KEYS))
                .isInstanceOf(SourceReadException.class)
                .hasMessage("no k8s.context and the auditor is not running in a cluster (KUBERNETES_SERVICE_HOST or its service account token"
                        + " missing); expected k8s.context naming a context of the kubeconfig");
    }
}
