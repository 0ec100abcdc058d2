package io.residency.auditor.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.residency.auditor.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The RBAC of the k8s sources is least privilege: {@code get} on named objects only, per namespace,
 * and the manifest's Roles are exactly what {@code residency-auditor rbac} prints for their estate.
 */
class KubernetesRbacTest {

    /** The README's in-cluster example: the names k8s-cronjob.yaml grants. */
    private static final String README_ESTATE = """
            regions:
              - name: eu-west-1
                sources:
                  - {kind: loki, k8s: {namespace: logging, configMap: loki, key: config.yaml}}
                  - {kind: loki, id: eu-west-1/loki-secret, k8s: {namespace: logging, secret: loki}}
                  - kind: otel-collector
                    k8s:
                      namespace: observability
                      resource: {apiVersion: opentelemetry.io/v1beta1, kind: OpenTelemetryCollector, name: otel}
            """;

    @TempDir
    Path dir;

    private static List<JsonNode> documents(String yaml) throws IOException {
        try (MappingIterator<JsonNode> docs = YAMLMapper.builder().build().readerFor(JsonNode.class).readValues(yaml)) {
            return docs.readAll().stream().filter(d -> d != null && !d.isEmpty()).toList();
        }
    }

    private static List<JsonNode> rbac(List<JsonNode> documents) {
        return documents.stream().filter(d -> d.path("apiVersion").asString().startsWith("rbac.authorization.k8s.io/")).toList();
    }

    @Test
    void theManifestGrantsOnlyGetOnNamedObjectsAndNoClusterWideRole() throws IOException {
        List<JsonNode> rbac = rbac(documents(Files.readString(Path.of("k8s-cronjob.yaml"))));

        assertThat(rbac).extracting(d -> d.path("kind").asString()).containsOnly("Role", "RoleBinding").contains("Role", "RoleBinding");
        for (JsonNode role : rbac.stream().filter(d -> d.path("kind").asString().equals("Role")).toList()) {
            for (JsonNode rule : role.path("rules")) {
                assertThat(rule.path("verbs").valueStream().map(JsonNode::asString)).as("verbs of %s", role.at("/metadata/name")).containsExactly("get");
                assertThat(rule.path("resourceNames").isEmpty()).as("a rule without resourceNames grants every object").isFalse();
            }
        }
        for (JsonNode binding : rbac.stream().filter(d -> d.path("kind").asString().equals("RoleBinding")).toList()) {
            assertThat(binding.at("/subjects/0/name").asString()).isEqualTo("residency-auditor");
            assertThat(binding.at("/subjects/0/namespace").asString()).isEqualTo("observability");
        }
    }

    @Test
    void theManifestsRolesAreWhatTheRbacCommandPrintsForTheirEstate() throws IOException {
        Path estate = Files.writeString(dir.resolve("estate.yaml"), README_ESTATE);

        CliRun run = CliRun.of("rbac", "--estate", estate.toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(documents(run.stdout())).isEqualTo(rbac(documents(Files.readString(Path.of("k8s-cronjob.yaml")))));
    }

    @Test
    void eachContextGetsItsOwnRolesBoundToTheKubeconfigUserWithNamesSorted() throws IOException {
        Path estate = Files.writeString(dir.resolve("estate.yaml"), """
                regions:
                  - name: eu-west-1
                    sources:
                      - {kind: loki, k8s: {context: eu-prod, namespace: logging, configMap: loki}}
                      - {kind: tempo, k8s: {context: eu-prod, namespace: logging, configMap: tempo}}
                  - name: us-east-1
                    sources:
                      - {kind: loki, k8s: {context: us-prod, namespace: logging, secret: loki}}
                """);

        CliRun run = CliRun.of("rbac", "--estate", estate.toString(), "--user", "arn:aws:iam::111122223333:role/residency-auditor");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.stdout()).contains("# Context eu-prod: apply with kubectl --context eu-prod apply -f -",
                "# Context us-prod: apply with kubectl --context us-prod apply -f -");
        List<JsonNode> documents = documents(run.stdout());
        assertThat(documents).hasSize(4);
        assertThat(documents.get(0).at("/rules/0/resourceNames").valueStream().map(JsonNode::asString)).containsExactly("loki", "tempo");
        assertThat(documents.get(1).at("/subjects/0/kind").asString()).isEqualTo("User");
        assertThat(documents.get(1).at("/subjects/0/name").asString()).isEqualTo("arn:aws:iam::111122223333:role/residency-auditor");
        assertThat(documents.get(2).at("/rules/0/resources/0").asString()).isEqualTo("secrets");
    }

    @Test
    void aBadEstateIsExitTwoNamingTheLine() throws IOException {
        Path estate = Files.writeString(dir.resolve("estate.yaml"), """
                regions:
                  - name: eu-west-1
                    sources:
                      - {kind: loki, k8s: {namespace: logging, configMap: loki, secret: loki}}
                """);

        CliRun run = CliRun.of("rbac", "--estate", estate.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("line 4", "expected exactly one of 'configMap', 'secret' or 'resource'");
    }
}
