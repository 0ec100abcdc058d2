package io.residency.auditor.collect.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.residency.auditor.estate.SourceSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of endpoint a config names goes through the one resolver (EndpointRegions): an
 * estate {@code endpoints} entry for its host places it, and without one it is UNVERIFIED with the
 * exact YAML that would place it. Each config is read by the real reader and kind.
 */
class EndpointKindsSettledByEstateMapTest {

    /** A region no host name below contains, so only the estate's entry can have put it there. */
    private static final String PLACED_IN = "eu-central-1";

    static Stream<Arguments> endpointKinds() {
        return Stream.of(
                Arguments.of("Loki storage endpoint", new LokiKind(), "objects.storage.internal", """
                        schema_config:
                          configs:
                            - {from: 2024-01-01, store: tsdb, object_store: aws, schema: v13, index: {prefix: index_, period: 24h}}
                        storage_config:
                          aws: {endpoint: "http://objects.storage.internal:9000", bucketnames: loki-chunks, s3forcepathstyle: true}
                        """),
                Arguments.of("Tempo storage endpoint", new TempoKind(), "objects.storage.internal", """
                        storage:
                          trace:
                            backend: s3
                            s3: {bucket: tempo-traces, endpoint: "objects.storage.internal:9000", insecure: true}
                        """),
                Arguments.of("Thanos objstore endpoint", new ThanosObjstoreKind(), "objects.storage.internal", """
                        type: S3
                        config: {bucket: thanos, endpoint: "objects.storage.internal:9000", region: eu-west-1}
                        """),
                Arguments.of("Thanos objstore on Alibaba OSS", new ThanosObjstoreKind(), "oss-eu-west-1.aliyuncs.com", """
                        type: ALIYUNOSS
                        config: {endpoint: "oss-eu-west-1.aliyuncs.com", bucket: thanos}
                        """),
                Arguments.of("Thanos objstore on an Azure account", new ThanosObjstoreKind(), "acmemetrics.blob.core.windows.net", """
                        type: AZURE
                        config: {storage_account: acmemetrics, container: thanos}
                        """),
                Arguments.of("OTel otlp exporter host", new OtelCollectorKind(), "collector.vendor.example", """
                        receivers: {otlp: {protocols: {grpc: {}}}}
                        exporters: {otlp: {endpoint: "collector.vendor.example:4317"}}
                        service: {pipelines: {traces: {receivers: [otlp], exporters: [otlp]}}}
                        """),
                Arguments.of("OTel load-balancer hostnames", new OtelCollectorKind(), "backend-1.traces.example", """
                        receivers: {otlp: {protocols: {grpc: {}}}}
                        exporters:
                          loadbalancing:
                            protocol: {otlp: {tls: {insecure: true}}}
                            resolver: {static: {hostnames: ["backend-1.traces.example:4317"]}}
                        service: {pipelines: {traces: {receivers: [otlp], exporters: [loadbalancing]}}}
                        """),
                Arguments.of("OTel Kafka brokers", new OtelCollectorKind(), "kafka-1.brokers.example", """
                        receivers: {otlp: {protocols: {grpc: {}}}}
                        exporters: {kafka: {brokers: ["kafka-1.brokers.example:9092"], topic: spans}}
                        service: {pipelines: {traces: {receivers: [otlp], exporters: [kafka]}}}
                        """),
                Arguments.of("OTel remote write", new OtelCollectorKind(), "mimir.metrics.example", """
                        receivers: {otlp: {protocols: {grpc: {}}}}
                        exporters: {prometheusremotewrite: {endpoint: "https://mimir.metrics.example/api/v1/push"}}
                        service: {pipelines: {metrics: {receivers: [otlp], exporters: [prometheusremotewrite]}}}
                        """),
                Arguments.of("Prometheus remote_write url", new PrometheusKind(), "mimir.metrics.example", """
                        remote_write:
                          - url: https://mimir.metrics.example/api/v1/push
                        """),
                Arguments.of("Prometheus remote_read url", new PrometheusKind(), "mimir.metrics.example", """
                        remote_read:
                          - url: https://mimir.metrics.example/prometheus/api/v1/read
                        """),
                Arguments.of("Grafana data source url", new GrafanaDatasourcesKind(), "loki.logs.example", """
                        apiVersion: 1
                        datasources:
                          - {name: Loki, type: loki, access: proxy, url: "http://loki.logs.example:3100"}
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpointKinds")
    void anEndpointsEntryForTheHostPlacesIt(String what, SourceKind kind, String host, String yaml) throws Exception {
        List<Place> places = places(kind, yaml, new EndpointRegions(Map.of(PLACED_IN, List.of(host))));

        assertThat(places).as(what).isNotEmpty().allSatisfy(place -> {
            assertThat(place.region()).as(place.toString()).isEqualTo(PLACED_IN);
            assertThat(place.basis()).contains("matches estate endpoints pattern " + host);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpointKinds")
    void withoutAnEntryItIsUnverifiedAndTheMessageGivesTheEntry(String what, SourceKind kind, String host, String yaml) throws Exception {
        List<Place> places = places(kind, yaml, new EndpointRegions(Map.of("us-east-1", List.of("*.elsewhere.example"))));

        assertThat(places).as(what).isNotEmpty().allSatisfy(place -> {
            assertThat(place.region()).as(place.toString()).isNull();
            assertThat(place.basis()).contains("host " + host).contains("add it to the estate: endpoints: {<its region>: ['" + host + "']}");
        });
    }

    /** Where a store or a flow's far end is, and why. */
    private record Place(String region, String basis) {
    }

    private static List<Place> places(SourceKind kind, String yaml, EndpointRegions regions) throws SourceReadException {
        SourceSpec spec = new SourceSpec(null, kind.name(), "config.yaml", null, "raw", null, null, null, null, null);
        ConfigDocument document = new ConfigDocumentReader(new EnvExpander(name -> null)).read(yaml.getBytes(StandardCharsets.UTF_8), spec, kind);
        ParsedConfig parsed = ConfigCollector.parse(kind, document, new ParseContext("eu-west-1", regions, null));
        List<Place> places = new ArrayList<>();
        parsed.storage().forEach(store -> places.add(new Place(store.declaredRegion(), store.regionBasis())));
        // A query pulls the far end's data in: the far end is the origin.
        parsed.egress().forEach(flow -> places.add("query".equals(flow.direction())
                ? new Place(flow.originRegion(), flow.regionBasis()) : new Place(flow.destinationRegion(), flow.regionBasis())));
        return places;
    }
}
