package io.residency.auditor.collect.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.residency.auditor.CliRun;
import io.residency.auditor.EvidenceBundles;
import io.residency.auditor.H2Scripts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * One estate read from two clusters through one kubeconfig, end to end through the CLI: a cluster
 * config is judged exactly as the same text in a file, its findings point at the key's lines in
 * the bundled copy, a missing object and a 403 are UNVERIFIED naming the fix, and a Secret's value
 * and the kubeconfig token appear nowhere the auditor writes.
 */
class KubernetesEstateAuditTest {

    /** The EU Loki writes to a US bucket: a FAIL, whether read from the cluster or from a file. */
    private static final String LOKI_EU = KubernetesSourcesTest.LOKI_EU.replace("s3://eu-west-1/loki-chunks-eu", "s3://us-east-1/loki-chunks-eu");
    private static final String SECRET_KEY_ID = "AKIAPLANTEDCLUSTER01";

    @TempDir
    Path dir;

    @Test
    void anEstateOfTwoClustersIsJudgedLikeFilesWithItsFailuresNamedAndNoSecretWritten() throws IOException, SQLException {
        try (ClusterStandIns clusters = new ClusterStandIns()) {
            KubernetesClient eu = clusters.cluster("eu-prod");
            KubernetesClient us = clusters.cluster("us-prod");
            KubernetesMockServer refusing = clusters.expectations("eu-restricted");
            refusing.expect().get().withPath("/api/v1/namespaces/logging/secrets/loki-config")
                    .andReturn(403, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"Forbidden\",\"code\":403}").always();
            ClusterStandIns.configMap(eu, "logging", "loki", Map.of("config.yaml", LOKI_EU));
            ClusterStandIns.configMap(us, "logging", "loki", Map.of("config.yaml", KubernetesSourcesTest.LOKI_US));
            ClusterStandIns.secret(eu, "logging", "loki-config", Map.of("config.yaml", KubernetesSourcesTest.LOKI_IN_SECRET));
            Path kubeconfig = clusters.kubeconfig(dir.resolve("kubeconfig"));
            Files.writeString(dir.resolve("loki-eu.yaml"), LOKI_EU);
            Path estate = Files.writeString(dir.resolve("estate.yaml"), """
                    regions:
                      - name: eu-west-1
                        sources:
                          - {id: eu-west-1/loki, kind: loki, k8s: {context: eu-prod, namespace: logging, configMap: loki, key: config.yaml}}
                          - {id: eu-west-1/loki-file, kind: loki, file: loki-eu.yaml}
                          - {id: eu-west-1/loki-secret, kind: loki, k8s: {context: eu-prod, namespace: logging, secret: loki-config}}
                          - {id: eu-west-1/tempo, kind: tempo, k8s: {context: eu-prod, namespace: tracing, configMap: tempo}}
                          - {id: eu-west-1/restricted, kind: loki, k8s: {context: eu-restricted, namespace: logging, secret: loki-config}}
                      - name: us-east-1
                        sources:
                          - {id: us-east-1/loki, kind: loki, k8s: {context: us-prod, namespace: logging, configMap: loki}}
                    """);
            Path out = dir.resolve("out");
            String db = "jdbc:h2:file:" + dir.resolve("db") + ";USER=sa;PASSWORD=";

            CliRun run = CliRun.of("audit", "--estate", estate.toString(), "--kubeconfig", kubeconfig.toString(), "--out", out.toString(),
                    "--db", db, "--verbose");

            assertThat(run.exitCode()).as(run.output()).isZero();
            List<JsonNode> findings = EvidenceBundles.findings(out);
            JsonNode fromCluster = finding(findings, "RES-LOKI-STORAGE", "eu-west-1/loki");
            JsonNode fromFile = finding(findings, "RES-LOKI-STORAGE", "eu-west-1/loki-file");
            assertThat(fromCluster.path("status").asString()).isEqualTo("FAIL").isEqualTo(fromFile.path("status").asString());
            assertThat(fromCluster.path("message").asString()).isEqualTo(fromFile.path("message").asString());
            assertThat(fromCluster.path("evidence").path("file").asString()).isEqualTo("k8s://eu-prod/logging/configmap/loki#config.yaml");
            int line = fromCluster.path("evidence").path("line").asInt();
            assertThat(line).as("the line of the setting in the key's document, as in the file").isEqualTo(fromFile.path("evidence").path("line").asInt())
                    .isPositive();
            assertThat(fromCluster.path("evidenceRef").asString()).isEqualTo("inputs/sources/eu-west-1/loki.yaml:" + line);
            Path bundle = EvidenceBundles.only(out);
            List<String> copy = Files.readAllLines(bundle.resolve("inputs/sources/eu-west-1/loki.yaml"));
            assertThat(String.join("\n", copy) + "\n").as("the bundled copy is the key's text").isEqualTo(LOKI_EU);
            assertThat(copy.get(line - 1).strip()).as("the store block judged").isEqualTo("s3:");
            assertThat(copy.get(line)).contains("s3: s3://us-east-1/loki-chunks-eu");

            assertThat(finding(findings, "RES-LOKI-STORAGE", "us-east-1/loki").path("status").asString()).isEqualTo("PASS");
            assertThat(finding(findings, "RES-LOKI-STORAGE", "eu-west-1/loki-secret").path("status").asString()).isEqualTo("PASS");
            assertThat(Files.readString(bundle.resolve("inputs/sources/eu-west-1/loki-secret.yaml")))
                    .contains("secret_access_key: <redacted>", "s3://eu-west-1/loki-chunks-eu");

            JsonNode missing = finding(findings, "RES-SOURCE", "eu-west-1/tempo");
            assertThat(missing.path("status").asString()).isEqualTo("UNVERIFIED");
            assertThat(missing.path("message").asString()).contains("k8s://eu-prod/tracing/configmap/tempo",
                    "configmap tempo in namespace tracing of context eu-prod not found (HTTP 404)", "kubectl --context eu-prod -n tracing get configmaps tempo");
            JsonNode denied = finding(findings, "RES-SOURCE", "eu-west-1/restricted");
            assertThat(denied.path("status").asString()).isEqualTo("UNVERIFIED");
            assertThat(denied.path("message").asString()).contains("access denied (HTTP 403 Forbidden)",
                    "{apiGroups: [\"\"], resources: [secrets], resourceNames: [loki-config], verbs: [get]}");

            for (String secret : List.of(KubernetesSourcesTest.SECRET_VALUE, SECRET_KEY_ID, ClusterStandIns.TOKEN)) {
                assertThat(run.output()).as("stdout and stderr with --verbose").doesNotContain(secret);
                assertThat(bundleText(out)).as("the evidence bundle").doesNotContain(secret);
                assertThat(databaseDump(db)).as("the database").doesNotContain(secret);
            }
        }
    }

    @Test
    void aKubeconfigOptionNamingNoFileIsExitTwoBeforeAnythingRuns() throws IOException {
        Path estate = Files.writeString(dir.resolve("estate.yaml"), """
                regions:
                  - name: eu-west-1
                    sources: [{kind: loki, k8s: {context: eu-prod, namespace: logging, configMap: loki}}]
                """);

        CliRun run = CliRun.of("audit", "--estate", estate.toString(), "--kubeconfig", dir.resolve("absent").toString(),
                "--db", "jdbc:h2:mem:kubeconfig-absent", "--out", dir.resolve("out").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("--kubeconfig " + dir.resolve("absent") + ": not a file; expected a kubeconfig");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    private static JsonNode finding(List<JsonNode> findings, String control, String sourceId) {
        return findings.stream()
                .filter(f -> control.equals(f.path("control").asString()) && sourceId.equals(f.path("evidence").path("source_id").asString()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + control + " finding for " + sourceId + " in " + findings));
    }

    private static String bundleText(Path out) throws IOException {
        String text = EvidenceBundles.everyText(out);
        assertThat(text).as("the bundle was written, PDFs included").contains("RES-LOKI-STORAGE", "k8s://eu-prod/logging/configmap/loki");
        return text;
    }

    private String databaseDump(String db) throws SQLException, IOException {
        String dump = H2Scripts.dump(db, dir.resolve("dump.sql"));
        assertThat(dump).as("the dump holds the facts").contains("k8s://eu-prod/logging/configmap/loki#config.yaml");
        return dump;
    }
}
