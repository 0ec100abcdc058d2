package io.residency.auditor.job;

import static io.residency.auditor.collect.s3.ThreeAccountStandIns.DENYING_ACCOUNT;
import static io.residency.auditor.collect.s3.ThreeAccountStandIns.EU_ACCOUNT;
import static io.residency.auditor.collect.s3.ThreeAccountStandIns.US_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.residency.auditor.CliRun;
import io.residency.auditor.EvidenceBundles;
import io.residency.auditor.collect.k8s.ClusterStandIns;
import io.residency.auditor.collect.s3.FaultyS3Front;
import io.residency.auditor.collect.s3.S3Scenario;
import io.residency.auditor.collect.s3.StsStandIn;
import io.residency.auditor.collect.s3.ThreeAccountStandIns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;

/**
 * The demo of the live topology: one estate of three AWS accounts (through a local STS stand-in in
 * front of the in-JVM S3 emulators; the third account's role refuses the auditor's external id) and
 * two Kubernetes clusters of one kubeconfig (fabric8's in-JVM API servers), audited by the real CLI.
 * The EU collector is the OpenTelemetry Operator's v1beta1 resource read from the cluster and read
 * with {@code format: otel-operator}: the k8s fetch and the format together.
 */
class ThreeAccountsTwoClustersAuditTest {

    /** Loki as the grafana/loki chart renders it into ConfigMap loki, with its S3 storage in {@code storage_config.aws}. */
    private static final String LOKI = """
            auth_enabled: false
            server:
              http_listen_port: 3100
            schema_config:
              configs:
                - from: "2024-04-01"
                  store: tsdb
                  object_store: aws
                  schema: v13
                  index:
                    prefix: index_
                    period: 24h
            storage_config:
              aws:
                bucketnames: %s
                region: %s
            """;

    /** The Operator's v1beta1 shape (spec.config a mapping): EU traces exported over OTLP/HTTP to a US endpoint. */
    private static final String COLLECTOR = """
            apiVersion: opentelemetry.io/v1beta1
            kind: OpenTelemetryCollector
            metadata:
              name: otel
            spec:
              mode: deployment
              config:
                receivers:
                  otlp:
                    protocols:
                      grpc: {}
                      http: {}
                exporters:
                  otlphttp:
                    endpoint: https://xray.us-east-1.amazonaws.com
                service:
                  pipelines:
                    traces:
                      receivers: [otlp]
                      exporters: [otlphttp]
            """;

    static final String ESTATE = """
            regions:
              - name: eu-west-1
                sources:
                  - {id: eu-west-1/loki, kind: loki, k8s: {context: eu-prod, namespace: logging, configMap: loki, key: config.yaml}}
                  - id: eu-west-1/otel
                    kind: otel-collector
                    format: otel-operator
                    k8s: {context: eu-prod, namespace: observability, resource: {apiVersion: opentelemetry.io/v1beta1, kind: OpenTelemetryCollector, name: otel}}
              - name: us-east-1
                sources:
                  - {id: us-east-1/loki, kind: loki, k8s: {context: us-prod, namespace: logging, configMap: loki, key: config.yaml}}
            aws:
              region: us-east-1
              endpoint: %s
              stsEndpoint: %s
              buckets: all
              concurrency: 2
            %s""";

    @TempDir
    Path dir;

    @BeforeEach
    void auditorsOwnCredentials() {
        ThreeAccountStandIns.useAuditorCredentials();
    }

    @AfterEach
    void clearCredentials() {
        ThreeAccountStandIns.clearAuditorCredentials();
    }

    @Test
    void threeAccountsAndTwoClustersAreAuditedInOneRunWithTheRefusingAccountUnverifiedAndTheCollectorsUsEgressFailing() throws IOException {
        try (ThreeAccountStandIns accounts = new ThreeAccountStandIns(); ClusterStandIns clusters = new ClusterStandIns();
             StsStandIn sts = ThreeAccountStandIns.sts(); FaultyS3Front front = accounts.front()) {
            try (S3Client s3 = accounts.euAccount()) {
                S3Scenario.bucket(s3, "logs-eu", "eu-west-1", true);
            }
            try (S3Client s3 = accounts.usAccount()) {
                S3Scenario.bucket(s3, "logs-us", "us-east-1", true);
            }
            for (String bucket : List.of("logs-eu", "logs-us")) {
                front.answer(bucket, "lifecycle", 404, ThreeAccountStandIns.NO_LIFECYCLE.formatted(bucket))
                        .answer(bucket, "object-lock", 404, ThreeAccountStandIns.NO_LOCK.formatted(bucket));
            }
            KubernetesClient eu = clusters.cluster("eu-prod");
            KubernetesClient us = clusters.cluster("us-prod");
            // logs-eu-third is in no account the auditor can read: it may be the refusing account's.
            ClusterStandIns.configMap(eu, "logging", "loki", Map.of("config.yaml", LOKI.formatted("logs-eu,logs-eu-third", "eu-west-1")));
            ClusterStandIns.configMap(us, "logging", "loki", Map.of("config.yaml", LOKI.formatted("logs-us", "us-east-1")));
            ClusterStandIns.collector(eu, "observability", COLLECTOR);
            Path kubeconfig = clusters.kubeconfig(dir.resolve("kubeconfig"));
            Path estate = Files.writeString(dir.resolve("estate.yaml"), ESTATE.formatted(front.url(), sts.url(), ThreeAccountStandIns.ACCOUNTS));
            Path out = dir.resolve("out");

            CliRun run = CliRun.of("audit", "--estate", estate.toString(), "--kubeconfig", kubeconfig.toString(), "--out", out.toString(),
                    "--db", "jdbc:h2:mem:three-accounts-two-clusters", "--verbose");

            assertThat(run.exitCode()).as(run.output()).isZero();
            List<JsonNode> findings = EvidenceBundles.findings(out);
            assertThat(run.stdout()).contains(": 13 findings (10 PASS, 1 FAIL, 2 UNVERIFIED, 0 WAIVED)");

            assertThat(finding(findings, "RES-LOKI-STORAGE", "eu-west-1/loki storage_config.aws s3://logs-eu").path("message").asString())
                    .isEqualTo("eu-west-1 logs are stored in eu-west-1, inside EU");
            assertThat(finding(findings, "RES-LOKI-STORAGE", "eu-west-1/loki storage_config.aws s3://logs-eu").path("status").asString())
                    .isEqualTo("PASS");
            JsonNode euBucket = finding(findings, "RES-BUCKET-LOCATION", "s3://logs-eu for");
            assertThat(euBucket.path("status").asString()).isEqualTo("PASS");
            assertThat(euBucket.path("message").asString()).isEqualTo("Bucket logs-eu of account " + EU_ACCOUNT + " is in eu-west-1, as the config declares");
            assertThat(euBucket.path("evidence").path("account").asString()).isEqualTo(EU_ACCOUNT);
            assertThat(finding(findings, "RES-BUCKET-LOCATION", "s3://logs-us for").path("evidence").path("account").asString()).isEqualTo(US_ACCOUNT);

            JsonNode refused = finding(findings, "RES-SOURCE", "aws/s3/" + DENYING_ACCOUNT);
            assertThat(refused.path("status").asString()).isEqualTo("UNVERIFIED");
            assertThat(refused.path("message").asString()).contains("AssumeRole into " + ThreeAccountStandIns.role(DENYING_ACCOUNT),
                    "AccessDenied (HTTP 403)", "sts:ExternalId");
            JsonNode third = finding(findings, "RES-BUCKET-LOCATION", "s3://logs-eu-third for");
            assertThat(third.path("status").asString()).isEqualTo("UNVERIFIED");
            assertThat(third.path("message").asString()).contains("may belong to account " + DENYING_ACCOUNT + ", which could not be read");

            JsonNode egress = finding(findings, "RES-EGRESS", "eu-west-1/otel exporters.otlphttp.endpoint traces");
            assertThat(egress.path("status").asString()).isEqualTo("FAIL");
            assertThat(egress.path("message").asString()).startsWith("eu-west-1 traces are sent to us-east-1, outside ");
            assertThat(finding(findings, "RES-SOURCE", "eu-west-1/otel").path("message").asString())
                    .isEqualTo("Read otel-collector source k8s://eu-prod/observability/opentelemetry.io/v1beta1/OpenTelemetryCollector/otel");

            Path bundle = EvidenceBundles.only(out);
            String everything = run.output() + EvidenceBundles.everyText(bundle);
            List<String> secrets = new ArrayList<>(sts.issuedSecrets());
            secrets.addAll(List.of(ThreeAccountStandIns.AUDITOR_SECRET, ClusterStandIns.TOKEN, "ASIAEU", "ASIAUS"));
            assertThat(sts.issuedSecrets()).as("one session per trusting account").isNotEmpty();
            for (String secret : secrets) {
                assertThat(everything).as("stdout, stderr and every file of the bundle").doesNotContain(secret);
            }

            CliRun verify = CliRun.of("verify", bundle.toString());
            assertThat(verify.exitCode()).as(verify.output()).isZero();
        }
    }

    private static JsonNode finding(List<JsonNode> findings, String control, String resource) {
        return findings.stream()
                .filter(f -> control.equals(f.path("control").asString()) && f.path("resource").asString().startsWith(resource))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + control + " finding on " + resource + " in " + findings));
    }


}
