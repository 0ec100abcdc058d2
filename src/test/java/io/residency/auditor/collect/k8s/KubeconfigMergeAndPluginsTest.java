package io.residency.auditor.collect.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.residency.auditor.collect.config.ClusterSources;
import io.residency.auditor.collect.config.SourceReadException;
import io.residency.auditor.estate.K8sSource;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kubeconfigs as kubectl reads them: a KUBECONFIG list merged by client-go's rules (the first file
 * that names a context, cluster or user wins; current-context from the first file that sets one; a
 * listed file that does not exist is skipped; relative paths against the file that names them), and
 * exec credential plugins run as real processes within the request bound.
 */
class KubeconfigMergeAndPluginsTest {

    private static final String TOKEN_FIRST = "plantedFirstFileToken";
    private static final String TOKEN_SHADOWED = "plantedShadowedToken";
    private static final String TOKEN_SECOND = "plantedSecondFileToken";
    private static final String PLUGIN_TOKEN = "plantedPluginToken";
    private static final List<String> LOKI_KEYS = List.of("config.yaml");

    @TempDir
    Path dir;

    private final ClusterStandIns clusters = new ClusterStandIns();

    @BeforeEach
    void startClusters() throws IOException {
        KubernetesClient eu = clusters.cluster("eu-prod");
        KubernetesClient us = clusters.cluster("us-prod");
        ClusterStandIns.configMap(eu, "logging", "loki", Map.of("config.yaml", KubernetesSourcesTest.LOKI_EU));
        ClusterStandIns.configMap(us, "logging", "loki", Map.of("config.yaml", KubernetesSourcesTest.LOKI_US));
        clusters.unreachable("nowhere");
    }

    @AfterEach
    void stopClusters() {
        clusters.close();
    }

    private ClusterSources sources(String kubeconfigList, Duration bound) {
        return new KubernetesSources(name -> "KUBECONFIG".equals(name) ? kubeconfigList : null, dir.resolve("no-service-account"),
                Duration.ofSeconds(2), bound).open(null);
    }

    private static K8sSource loki(String context) {
        return new K8sSource(context, "logging", "loki", null, null, "config.yaml");
    }

    private String text(ClusterSources sources, String context) throws SourceReadException {
        return new String(sources.fetch(loki(context), LOKI_KEYS).content(), StandardCharsets.UTF_8);
    }

    private List<String> authorizationsOfGets(String context) throws InterruptedException {
        KubernetesMockServer server = clusters.server(context);
        List<String> headers = new ArrayList<>();
        for (RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS); request != null; request = server.takeRequest(1, TimeUnit.SECONDS)) {
            if ("GET".equals(request.getMethod()) && request.getPath().startsWith("/api/v1/namespaces/logging/configmaps/loki")) {
                headers.add(request.getHeader("Authorization"));
            }
        }
        return headers;
    }

    /** Two files that both define eu-prod and user alice, and a third that is not there. */
    private String threeFileList() throws IOException {
        Path first = Files.writeString(dir.resolve("first"), """
                apiVersion: v1
                kind: Config
                clusters:
                - name: eu
                  cluster: {server: "%s"}
                contexts:
                - name: eu-prod
                  context: {cluster: eu, user: alice, namespace: default}
                users:
                - name: alice
                  user: {token: %s}
                current-context: eu-prod
                """.formatted(clusters.address("eu-prod"), TOKEN_FIRST));
        Path second = Files.createDirectories(dir.resolve("team")).resolve("second");
        Files.writeString(second, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: eu
                  cluster: {server: "%s"}
                - name: us
                  cluster: {server: "%s"}
                - name: archive
                  cluster: {server: "https://archive.internal:6443", certificate-authority: certs/archive-ca.crt}
                contexts:
                - name: eu-prod
                  context: {cluster: us, user: bob}
                - name: us-prod
                  context: {cluster: us, user: bob}
                users:
                - name: alice
                  user: {token: %s}
                - name: bob
                  user: {token: %s}
                current-context: us-prod
                """.formatted(clusters.address("nowhere"), clusters.address("us-prod"), TOKEN_SHADOWED, TOKEN_SECOND));
        return first + File.pathSeparator + dir.resolve("not-there") + File.pathSeparator + second;
    }

    @Test
    void aKubeconfigListIsMergedFirstDefinitionWinningAndAMissingFileSkipped() throws Exception {
        try (ClusterSources sources = sources(threeFileList(), Duration.ofSeconds(5))) {
            assertThat(text(sources, "eu-prod")).as("eu-prod, cluster eu and user alice of the first file").contains("loki-chunks-eu");
            assertThat(text(sources, "us-prod")).as("us-prod only in the second file").contains("loki-chunks-us");
        }
        assertThat(authorizationsOfGets("eu-prod")).containsExactly("Bearer " + TOKEN_FIRST);
        assertThat(authorizationsOfGets("us-prod")).containsExactly("Bearer " + TOKEN_SECOND);
    }

    @Test
    void theMergedKubeconfigKeepsTheFirstCurrentContextAndResolvesPathsAgainstTheirOwnFile() throws IOException, SourceReadException {
        String list = threeFileList();

        Kubeconfig merged = Kubeconfig.read(Kubeconfig.locate(null, name -> "KUBECONFIG".equals(name) ? list : null));

        assertThat(merged.files()).containsExactly(dir.resolve("first").toAbsolutePath(), dir.resolve("team/second").toAbsolutePath());
        assertThat(merged.currentContext()).isEqualTo("eu-prod");
        assertThat(merged.contexts().keySet()).containsExactly("eu-prod", "us-prod");
        assertThat(merged.context("eu-prod").orElseThrow().getContext().getUser()).isEqualTo("alice");
        assertThat(merged.cluster("eu").orElseThrow().getCluster().getServer()).isEqualTo(clusters.address("eu-prod"));
        assertThat(merged.user("alice").orElseThrow().getUser().getToken()).isEqualTo(TOKEN_FIRST);
        assertThat(merged.cluster("archive").orElseThrow().getCluster().getCertificateAuthority())
                .isEqualTo(dir.resolve("team/certs/archive-ca.crt").toAbsolutePath().toString());
    }

    @Test
    void anUnknownContextNamesEveryFileOfTheList() throws IOException {
        String list = threeFileList();
        try (ClusterSources sources = sources(list, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> sources.fetch(loki("ap-prod"), LOKI_KEYS))
                    .isInstanceOf(SourceReadException.class)
                    .hasMessage("context ap-prod is not defined in kubeconfig " + dir.resolve("first").toAbsolutePath() + File.pathSeparator
                            + dir.resolve("team/second").toAbsolutePath() + " (its contexts: [eu-prod, us-prod]);"
                            + " expected the region's cluster context (kubectl config get-contexts)");
        }
    }

    private Path script(String name, String body) throws IOException {
        Path script = dir.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    /** A kubeconfig next to the plugins whose one context reaches eu-prod as a user with an exec plugin. */
    private String pluginKubeconfig(String command) throws IOException {
        return Files.writeString(dir.resolve("plugin-kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters:
                - name: eu
                  cluster: {server: "%s"}
                contexts:
                - name: eu-prod
                  context: {cluster: eu, user: plugin-user}
                users:
                - name: plugin-user
                  user:
                    exec:
                      apiVersion: client.authentication.k8s.io/v1
                      command: %s
                      args: [--cluster, eu-prod]
                      interactiveMode: Never
                """.formatted(clusters.address("eu-prod"), command)).toString();
    }

    @Test
    void aPluginsExecCredentialTokenIsSentAsBearer() throws Exception {
        script("answer.sh", """
                [ "$1 $2" = "--cluster eu-prod" ] || exit 3
                case "$KUBERNETES_EXEC_INFO" in *'"interactive":false'*) ;; *) exit 4 ;; esac
                echo '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"%s"}}'
                """.formatted(PLUGIN_TOKEN));

        try (ClusterSources sources = sources(pluginKubeconfig("./answer.sh"), Duration.ofSeconds(5))) {
            assertThat(text(sources, "eu-prod")).contains("loki-chunks-eu");
        }
        assertThat(authorizationsOfGets("eu-prod")).containsExactly("Bearer " + PLUGIN_TOKEN);
    }

    @Test
    void aPluginThatHangsIsStoppedAtTheBoundWithWhatItStartedAndTheContextIsUnverified() throws Exception {
        Path child = dir.resolve("child.pid");
        script("hang.sh", "sleep 60 &\necho $! > " + child + "\nwait\n");
        long started = System.nanoTime();

        try (ClusterSources sources = sources(pluginKubeconfig("./hang.sh"), Duration.ofSeconds(2))) {
            assertThatThrownBy(() -> sources.fetch(loki("eu-prod"), LOKI_KEYS))
                    .isInstanceOf(SourceReadException.class)
                    .hasMessage("context eu-prod: the kubeconfig user's credential plugin hang.sh did not answer within 2 s and was stopped;"
                            + " expected it to print an ExecCredential without waiting for input (try: kubectl --context eu-prod get --raw /version)");
            long afterFirst = System.nanoTime();
            assertThatThrownBy(() -> sources.fetch(loki("eu-prod"), LOKI_KEYS)).as("the context's failure is kept for the run")
                    .hasMessageContaining("did not answer within 2 s");
            assertThat(Duration.ofNanos(System.nanoTime() - afterFirst)).isLessThan(Duration.ofSeconds(1));
        }

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        long sleeper = Long.parseLong(Files.readString(child).strip());
        Awaitility.await("the plugin's own child killed").atMost(Duration.ofSeconds(5))
                .until(() -> !ProcessHandle.of(sleeper).map(ProcessHandle::isAlive).orElse(false));
        assertThat(authorizationsOfGets("eu-prod")).as("nothing was sent without a credential").isEmpty();
    }

    @Test
    void aPluginThatFailsIsUnverifiedAndItsOutputIsNeverQuoted() throws IOException {
        script("fail.sh", "echo 'partial token " + PLUGIN_TOKEN + "'\nexit 1\n");
        script("junk.sh", "echo 'not json " + PLUGIN_TOKEN + "'\n");

        try (ClusterSources failing = sources(pluginKubeconfig("./fail.sh"), Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> failing.fetch(loki("eu-prod"), LOKI_KEYS))
                    .hasMessage("context eu-prod: the kubeconfig user's credential plugin fail.sh exited with status 1 (its output is not"
                            + " shown: it may hold credentials); expected status 0 with an ExecCredential");
        }
        try (ClusterSources junk = sources(pluginKubeconfig("./junk.sh"), Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> junk.fetch(loki("eu-prod"), LOKI_KEYS))
                    .hasMessageStartingWith("context eu-prod: the kubeconfig user's credential plugin junk.sh answered something that is not JSON;")
                    .message().doesNotContain(PLUGIN_TOKEN);
        }
    }
}
