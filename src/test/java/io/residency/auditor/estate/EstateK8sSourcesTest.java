package io.residency.auditor.estate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.residency.auditor.collect.config.SourceKinds;
import io.residency.auditor.input.InvalidInputException;
import io.residency.auditor.input.YamlInputReader;
import jakarta.validation.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@code k8s:} source is checked at load: bad ones are exit 2 with the file, the line and what was expected. */
class EstateK8sSourcesTest {

    @TempDir
    Path dir;

    private final EstateLoader loader = new EstateLoader(new YamlInputReader(Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator()),
            SourceKinds.registered().names());

    private Path estate(String sources) throws IOException {
        return Files.writeString(dir.resolve("estate.yaml"), "regions:\n  - name: eu-west-1\n    sources:\n" + sources.indent(6));
    }

    @Test
    void configMapSecretAndResourceSourcesLoadWithTheirFields() throws IOException {
        Path file = estate("""
                - {kind: loki, k8s: {context: eu-prod, namespace: logging, configMap: loki, key: config.yaml}}
                - {kind: loki, k8s: {context: eu-prod, namespace: logging, secret: loki-config}}
                - kind: otel-collector
                  k8s:
                    namespace: observability
                    resource: {apiVersion: opentelemetry.io/v1beta1, kind: OpenTelemetryCollector, name: otel}
                """);

        Estate estate = loader.load(file).estate();

        assertThat(estate.regions().get(0).sources()).extracting(SourceSpec::k8s).containsExactly(
                new K8sSource("eu-prod", "logging", "loki", null, null, "config.yaml"),
                new K8sSource("eu-prod", "logging", null, "loki-config", null, null),
                new K8sSource(null, "observability", null, null, new K8sResource("opentelemetry.io/v1beta1", "OpenTelemetryCollector", "otel"), null));
    }

    @Test
    void aK8sSourceWithoutNamespaceNamesTheLine() throws IOException {
        Path file = estate("""
                - kind: loki
                  k8s: {context: eu-prod, configMap: loki}
                """);

        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(InvalidInputException.class)
                .hasMessage(file + ": line 5, regions[0].sources[0].k8s.namespace: missing; expected a namespace name such as logging");
    }

    @Test
    void aK8sSourceNamingBothAConfigMapAndASecretIsRefused() throws IOException {
        Path file = estate("""
                - kind: loki
                  k8s: {namespace: logging, configMap: loki, secret: loki}
                """);

        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(InvalidInputException.class)
                .hasMessage(file + ": line 5, regions[0].sources[0].k8s: expected exactly one of 'configMap', 'secret' or 'resource'");
    }

    @Test
    void aK8sSourceNamingNoObjectIsRefused() throws IOException {
        Path file = estate("""
                - {kind: loki, k8s: {namespace: logging, key: config.yaml}}
                """);

        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line 4, regions[0].sources[0].k8s: expected exactly one of 'configMap', 'secret' or 'resource'");
    }

    @Test
    void aFileAndAK8sObjectOnOneSourceIsRefused() throws IOException {
        Path file = estate("""
                - {kind: loki, file: loki.yaml, k8s: {namespace: logging, configMap: loki}}
                """);

        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(file + ": regions[0].sources[0]")
                .hasMessageContaining("expected exactly one of 'file', 'files', 'url', 'api' or 'k8s'");
    }

    @Test
    void anUnknownFieldInsideK8sNamesItsLine() throws IOException {
        Path file = estate("""
                - kind: loki
                  k8s:
                    namespace: logging
                    configmap: loki
                """);

        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(file + ": line 7")
                .hasMessageContaining("configmap");
    }

    @Test
    void aKeyOnAResourceIsRefusedBecauseAResourceIsReadWhole() throws IOException {
        Path file = estate("""
                - kind: otel-collector
                  k8s:
                    namespace: observability
                    resource: {apiVersion: opentelemetry.io/v1beta1, kind: OpenTelemetryCollector, name: otel}
                    key: config.yaml
                """);

        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(InvalidInputException.class)
                .hasMessage(file + ": line 8, regions[0].sources[0].k8s.key: a resource is read whole; expected 'key' only with configMap or secret");
    }

    @Test
    void aResourceWithoutAnApiVersionIsRefused() throws IOException {
        Path file = estate("""
                - kind: otel-collector
                  k8s: {namespace: observability, resource: {kind: OpenTelemetryCollector, name: otel}}
                """);

        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("regions[0].sources[0].k8s.resource.apiVersion: missing; expected group/version such as opentelemetry.io/v1beta1");
    }

    @Test
    void anObjectNameKubernetesWouldRefuseIsRefused() throws IOException {
        Path file = estate("""
                - {kind: loki, k8s: {namespace: logging, configMap: "../Loki"}}
                """);

        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(InvalidInputException.class)
                .hasMessage(file + ": line 4, regions[0].sources[0].k8s.configMap: not a valid Kubernetes value; expected a ConfigMap name such as loki");
    }

    @Test
    void aTopLevelKeyBesideK8sIsRefusedInFavourOfK8sKey() throws IOException {
        Path file = estate("""
                - {kind: loki, key: config.yaml, k8s: {namespace: logging, configMap: loki}}
                """);

        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(InvalidInputException.class)
                .hasMessage(file + ": line 4, regions[0].sources[0].key: not read with k8s; expected the data key inside k8s (k8s.key)");
    }

    @Test
    void formatConfigmapOnAK8sSourceIsRefused() throws IOException {
        Path file = estate("""
                - {kind: loki, format: configmap, k8s: {namespace: logging, configMap: loki}}
                """);

        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("format: a k8s source already reads the data key out of its object; expected format raw or helm-values");
    }
}
