package io.residency.auditor.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** k8s-cronjob.yaml is a complete, safe set: the properties operators and security teams rely on. */
class CronJobManifestTest {

    private static Map<String, JsonNode> documents() throws IOException {
        try (MappingIterator<JsonNode> docs = YAMLMapper.builder().build().readerFor(JsonNode.class).readValues(Path.of("k8s-cronjob.yaml").toFile())) {
            return docs.readAll().stream().collect(Collectors.toMap(d -> d.get("kind").asString() + "/" + d.at("/metadata/name").asString(), d -> d));
        }
    }

    @Test
    void theSetHoldsAServiceAccountConfigMapsAndTheCronJob() throws IOException {
        assertThat(documents().keySet()).contains("ServiceAccount/residency-auditor", "ConfigMap/residency-auditor-policy",
                "ConfigMap/residency-auditor-estate", "CronJob/residency-auditor");
        assertThat(documents().get("ServiceAccount/residency-auditor").at("/metadata/annotations/eks.amazonaws.com~1role-arn").asString())
                .startsWith("arn:aws:iam::");
    }

    @Test
    void theCronJobRunsNightlyOnceAtATimeWithBoundedRetriesAndCleanup() throws IOException {
        JsonNode spec = documents().get("CronJob/residency-auditor").get("spec");
        assertThat(spec.get("schedule").asString()).matches("\\d+ \\d+ \\* \\* \\*");
        assertThat(spec.get("timeZone").asString()).isNotBlank();
        assertThat(spec.get("concurrencyPolicy").asString()).isEqualTo("Forbid");
        assertThat(spec.get("startingDeadlineSeconds").asInt()).isPositive();
        JsonNode job = spec.at("/jobTemplate/spec");
        assertThat(job.get("backoffLimit").asInt()).isBetween(0, 3);
        assertThat(job.get("activeDeadlineSeconds").asInt()).isPositive();
        assertThat(job.get("ttlSecondsAfterFinished").asInt()).isPositive();
    }

    @Test
    void theContainerIsLockedDownAndTakesSecretsByReference() throws IOException {
        JsonNode pod = documents().get("CronJob/residency-auditor").at("/spec/jobTemplate/spec/template/spec");
        assertThat(pod.get("serviceAccountName").asString()).isEqualTo("residency-auditor");
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        JsonNode container = pod.get("containers").get(0);
        assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean()).isFalse();
        assertThat(container.at("/securityContext/capabilities/drop").valueStream().map(JsonNode::asString)).containsExactly("ALL");
        assertThat(container.at("/resources/requests/memory").asString()).isNotBlank();
        assertThat(container.at("/resources/limits/memory").asString()).isNotBlank();
        Map<String, JsonNode> env = container.get("env").valueStream().collect(Collectors.toMap(e -> e.get("name").asString(), e -> e));
        for (String secret : List.of("RESIDENCY_DB_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD", "RESIDENCY_HMAC_KEY", "THANOS_TOKEN")) {
            assertThat(env.get(secret)).as(secret).isNotNull();
            assertThat(env.get(secret).has("value")).as("%s is given by reference, not inline", secret).isFalse();
            assertThat(env.get(secret).at("/valueFrom/secretKeyRef/name").asString()).as(secret).isNotBlank();
        }
        List<String> mounts = container.get("volumeMounts").valueStream().map(m -> m.get("mountPath").asString()).toList();
        assertThat(mounts).contains("/evidence", "/tmp");
        assertThat(container.get("args").valueStream().map(JsonNode::asString).toList()).contains("--out", "/evidence");
    }

    @Test
    void theSigningKeyIsMountedFromASecretAndRequired() throws IOException {
        JsonNode pod = documents().get("CronJob/residency-auditor").at("/spec/jobTemplate/spec/template/spec");
        JsonNode container = pod.get("containers").get(0);
        Map<String, JsonNode> env = container.get("env").valueStream().collect(Collectors.toMap(e -> e.get("name").asString(), e -> e));
        String keyFile = env.get("RESIDENCY_SIGNING_KEY").get("value").asString();
        JsonNode mount = container.get("volumeMounts").valueStream()
                .filter(m -> keyFile.startsWith(m.get("mountPath").asString() + "/")).findFirst()
                .orElseThrow(() -> new AssertionError("no volume is mounted where RESIDENCY_SIGNING_KEY points: " + keyFile));
        assertThat(mount.get("readOnly").asBoolean()).isTrue();
        JsonNode volume = pod.get("volumes").valueStream().filter(v -> v.get("name").asString().equals(mount.get("name").asString()))
                .findFirst().orElseThrow();
        assertThat(volume.at("/secret/secretName").asString()).as("the key comes from a Secret").isNotBlank();
        String fileInVolume = keyFile.substring(mount.get("mountPath").asString().length() + 1);
        assertThat(volume.at("/secret/items").valueStream().map(i -> i.get("path").asString())).contains(fileInVolume);
        // The pod runs as a non-root user that reads the Secret through its group (fsGroup), never world-readable.
        assertThat(volume.at("/secret/defaultMode").asInt() & 0007).isZero();
        assertThat(volume.at("/secret/defaultMode").asInt() & 0040).isNotZero();
        assertThat(container.get("args").valueStream().map(JsonNode::asString).toList()).contains("--require-signed");
    }
}
