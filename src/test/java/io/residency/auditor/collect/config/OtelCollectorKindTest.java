package io.residency.auditor.collect.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each row of the exporter table, connectors, duplicates and incomplete files, read as the collector reads them. */
class OtelCollectorKindTest {

    /** One exporter {@code id} with {@code body} (indented under it) in a traces pipeline. */
    private static String traces(String id, String body) {
        return "exporters:\n  " + id + ":\n" + body.indent(4) + "service:\n  pipelines:\n    traces:\n      receivers: [otlp]\n"
                + "      exporters: [" + id + "]\n";
    }

    private static List<String> summary(List<EgressTarget> egress) {
        return egress.stream().map(e -> e.configPath() + " " + e.dataClass() + " " + e.endpoint() + " -> " + e.destinationRegion()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "otlp|endpoint: collector.eu-west-1.observe.internal:4317|exporters.otlp.endpoint traces collector.eu-west-1.observe.internal -> eu-west-1",
            "otlp_grpc/jaeger|endpoint: jaeger.eu-west-1.observe.internal:4317|exporters.otlp_grpc/jaeger.endpoint traces jaeger.eu-west-1.observe.internal -> eu-west-1",
            "otlphttp/vendor|traces_endpoint: https://xray.us-east-1.amazonaws.com/v1/traces|exporters.otlphttp/vendor.traces_endpoint traces xray.us-east-1.amazonaws.com -> us-east-1",
            "otlp_http|logs_endpoint: https://logs.eu-west-1.observe.internal|exporters.otlp_http.logs_endpoint traces logs.eu-west-1.observe.internal -> eu-west-1",
            "prometheusremotewrite|endpoint: https://aps-workspaces.us-east-1.amazonaws.com/workspaces/ws-x/api/v1/remote_write|exporters.prometheusremotewrite.endpoint traces aps-workspaces.us-east-1.amazonaws.com -> us-east-1",
            "loki|endpoint: http://loki.eu-west-1.observe.internal:3100/loki/api/v1/push|exporters.loki.endpoint traces loki.eu-west-1.observe.internal -> eu-west-1",
            "elasticsearch|endpoints: [https://es.eu-west-1.observe.internal:9200]|exporters.elasticsearch.endpoints[0] traces es.eu-west-1.observe.internal -> eu-west-1",
            "opensearch|http: {endpoint: 'https://search.eu-west-1.observe.internal:9200'}|exporters.opensearch.http.endpoint traces search.eu-west-1.observe.internal -> eu-west-1",
            "zipkin|endpoint: http://zipkin.eu-west-1.observe.internal:9411/api/v2/spans|exporters.zipkin.endpoint traces zipkin.eu-west-1.observe.internal -> eu-west-1",
            "splunk_hec|endpoint: https://hec.eu-west-1.observe.internal:8088/services/collector|exporters.splunk_hec.endpoint traces hec.eu-west-1.observe.internal -> eu-west-1",
            "kafka|brokers: [kafka-1.eu-west-1.observe.internal:9092]|exporters.kafka.brokers[0] traces kafka-1.eu-west-1.observe.internal -> eu-west-1",
            "kafka|protocol_version: 2.0.0|exporters.kafka traces localhost -> eu-west-1",
            "loadbalancing|resolver: {dns: {hostname: otel.eu-west-1.observe.internal}}|exporters.loadbalancing.resolver.dns.hostname traces otel.eu-west-1.observe.internal -> eu-west-1",
            "awsxray|region: us-west-2|exporters.awsxray.region traces awsxray in us-west-2 -> us-west-2",
            "awsemf|region: eu-west-1|exporters.awsemf.region traces awsemf in eu-west-1 -> eu-west-1",
            "awscloudwatchlogs|{region: eu-west-1, endpoint: 'https://logs.us-east-1.amazonaws.com'}|exporters.awscloudwatchlogs.endpoint traces logs.us-east-1.amazonaws.com -> us-east-1",
            "awss3|s3uploader: {region: eu-west-1, s3_bucket: b}|exporters.awss3.s3uploader.region traces s3://b -> eu-west-1",
            "awss3|s3uploader: {s3_bucket: b}|exporters.awss3.s3uploader traces s3://b -> us-east-1",
            "awss3|s3uploader: {region: eu-west-1, s3_bucket: b, endpoint: 'https://s3.us-east-1.amazonaws.com'}|exporters.awss3.s3uploader.endpoint traces s3://b at s3.us-east-1.amazonaws.com -> us-east-1"})
    void eachExporterTypeIsLocatedByTheFieldsThatCarryItsDestination(String id, String body, String expected) throws Exception {
        assertThat(summary(OtelTestConfigs.egress(traces(id, body)))).containsExactly(expected);
    }

    @Test
    void everyStaticLoadBalancerBackendIsAFlow() throws Exception {
        List<EgressTarget> egress = OtelTestConfigs.egress(traces("loadbalancing",
                "resolver:\n  static:\n    hostnames: [a.eu-west-1.observe.internal:4317, b.us-east-1.amazonaws.com:4317]"));

        assertThat(summary(egress)).containsExactly(
                "exporters.loadbalancing.resolver.static.hostnames[0] traces a.eu-west-1.observe.internal -> eu-west-1",
                "exporters.loadbalancing.resolver.static.hostnames[1] traces b.us-east-1.amazonaws.com -> us-east-1");
    }

    @Test
    void aKubernetesServiceIsInClusterAndNotLocatedUnlessTheEstatePlacesIt() throws Exception {
        EgressTarget target = OtelTestConfigs.egress(traces("loadbalancing", "resolver: {k8s: {service: otel-gateway.observability}}")).get(0);

        assertThat(target.endpoint()).isEqualTo("otel-gateway.observability");
        assertThat(target.destinationRegion()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"debug", "logging", "file", "nop", "prometheus"})
    void localExportersAndThePrometheusPullListenerAreNotEgress(String id) throws Exception {
        assertThat(OtelTestConfigs.egress(traces(id, "endpoint: 0.0.0.0:8889"))).isEmpty();
    }

    @Test
    void anAwsExporterWithoutRegionOrEndpointIsUnverifiedWithTheFix() throws Exception {
        EgressTarget target = OtelTestConfigs.egress(traces("awsxray", "")).get(0);

        assertThat(target.destinationRegion()).isNull();
        assertThat(target.regionBasis()).contains("exporters.awsxray sets neither region nor endpoint", "expected region: <region>");
    }

    @Test
    void googleCloudIsNeverLocatedByTheCollectorConfig() throws Exception {
        EgressTarget target = OtelTestConfigs.egress(traces("googlecloud", "project: p")).get(0);

        assertThat(target.destinationRegion()).isNull();
        assertThat(target.regionBasis()).contains("global APIs");
    }

    @Test
    void aDatadogSiteIsAHostTheEstateMustPlace() throws Exception {
        EgressTarget target = OtelTestConfigs.egress(traces("datadog", "api: {site: datadoghq.eu}")).get(0);

        assertThat(target.endpoint()).isEqualTo("datadoghq.eu");
        assertThat(target.destinationRegion()).isNull();
    }

    @Test
    void anExporterTypeNotUnderstoodIsUnverifiedNeverIgnored() throws Exception {
        EgressTarget target = OtelTestConfigs.egress(traces("azuremonitor/prod", "connection_string: x")).get(0);

        assertThat(target.endpoint()).isEqualTo("(exporter type azuremonitor)");
        assertThat(target.destinationRegion()).isNull();
        assertThat(target.regionBasis()).startsWith("exporter type azuremonitor not understood: found exporters.azuremonitor/prod");
    }

    @Test
    void oneExporterInTwoPipelinesOfOneSignalIsOneFlow() throws Exception {
        String yaml = """
                exporters:
                  prometheusremotewrite:
                    endpoint: https://aps-workspaces.us-east-1.amazonaws.com/workspaces/ws-x/api/v1/remote_write
                service:
                  pipelines:
                    metrics/application: {receivers: [otlp], exporters: [prometheusremotewrite]}
                    metrics: {receivers: [awsecscontainermetrics], exporters: [prometheusremotewrite]}
                    traces: {receivers: [otlp], exporters: [prometheusremotewrite]}
                """;

        assertThat(summary(OtelTestConfigs.egress(yaml))).containsExactly(
                "exporters.prometheusremotewrite.endpoint metrics-raw aps-workspaces.us-east-1.amazonaws.com -> us-east-1",
                "exporters.prometheusremotewrite.endpoint traces aps-workspaces.us-east-1.amazonaws.com -> us-east-1");
    }

    @Test
    void twoAlikeFactsFromAnyKindAreKeptOnceAtTheFactBoundary() {
        EgressTarget one = new EgressTarget("exporters.otlp.endpoint", "traces", "send", "h", "eu-west-1", "eu-west-1", "b");

        assertThat(ConfigCollector.distinctEgress(List.of(one, one))).containsExactly(one);
    }

    @Test
    void aConnectorCarriesTracesIntoAMetricsPipelineWhoseExportersSendMetrics() throws Exception {
        String yaml = """
                connectors:
                  spanmetrics:
                exporters:
                  otlphttp/metrics:
                    endpoint: https://aps-workspaces.us-east-1.amazonaws.com/otlp
                  debug:
                service:
                  pipelines:
                    traces: {receivers: [otlp], exporters: [debug, spanmetrics]}
                    metrics/derived: {receivers: [spanmetrics], exporters: [otlphttp/metrics]}
                """;

        List<EgressTarget> egress = OtelTestConfigs.egress(yaml);

        assertThat(summary(egress)).containsExactly("exporters.otlphttp/metrics.endpoint metrics-raw aps-workspaces.us-east-1.amazonaws.com -> us-east-1");
        assertThat(egress.get(0).regionBasis()).contains("data from pipeline traces via connector spanmetrics");
    }

    @Test
    void forwardConnectorsThatFormACycleEndTheWalk() throws Exception {
        String yaml = """
                connectors:
                  forward/a:
                  forward/b:
                exporters:
                  otlp:
                    endpoint: collector.eu-west-1.observe.internal:4317
                service:
                  pipelines:
                    logs/in: {receivers: [otlp], exporters: [forward/a]}
                    logs/a: {receivers: [forward/a, forward/b], exporters: [forward/b, otlp]}
                """;

        assertThat(summary(OtelTestConfigs.egress(yaml))).containsExactly(
                "exporters.otlp.endpoint logs collector.eu-west-1.observe.internal -> eu-west-1");
    }

    @Test
    void aFragmentWithoutPipelinesIsUnverifiedForEverySignalNeverAPass() throws Exception {
        List<EgressTarget> egress = OtelTestConfigs.egress("kafka:\n  brokers: [foo:123]\n");

        assertThat(egress).extracting(EgressTarget::dataClass).containsExactly("logs", "traces", "metrics-raw");
        assertThat(egress).allSatisfy(e -> {
            assertThat(e.destinationRegion()).isNull();
            assertThat(e.regionBasis()).startsWith("no service.pipelines: found only kafka").contains("files: [base.yaml, overlay.yaml]");
        });
    }

    @Test
    void chartValuesReadAsARawConfigSayWhichFormatToUse() throws Exception {
        List<EgressTarget> egress = OtelTestConfigs.egress("mode: deployment\nconfig:\n  exporters:\n    otlp: {endpoint: x:4317}\n");

        assertThat(egress.get(0).regionBasis()).contains("this looks like chart values", "format helm-values",
                "open-telemetry/opentelemetry-collector");
    }

    @Test
    void aPipelineWithoutExportersIsAnOverlayNotAPass() throws Exception {
        EgressTarget target = OtelTestConfigs.egress("service:\n  pipelines:\n    metrics:\n      receivers: [otlp]\n").get(0);

        assertThat(target.dataClass()).isEqualTo("metrics-raw");
        assertThat(target.regionBasis()).startsWith("pipeline metrics lists no exporters");
    }

    @Test
    void anExporterDefinedInAnotherFileNamesTheFix() {
        assertThatThrownBy(() -> OtelTestConfigs.egress("service:\n  pipelines:\n    logs: {receivers: [otlp], exporters: [opensearch]}\n"))
                .isInstanceOf(SourceReadException.class)
                .hasMessageContaining("uses exporter 'opensearch', which is not defined under exporters")
                .hasMessageContaining("files: [base.yaml, overlay.yaml]");
    }

    @Test
    void chartValuesMergeTheUsersConfigOverTheChartsDefaults() throws Exception {
        String values = """
                mode: deployment
                config:
                  exporters:
                    otlphttp:
                      endpoint: https://aps-workspaces.us-east-1.amazonaws.com/otlp
                  service:
                    pipelines:
                      logs: null
                      traces:
                        exporters: [otlphttp]
                """;

        assertThat(summary(OtelTestConfigs.egress(values, "helm-values", name -> null))).containsExactly(
                "exporters.otlphttp.endpoint traces aps-workspaces.us-east-1.amazonaws.com -> us-east-1");
    }

    @Test
    void chartValuesWithoutConfigRenderTheDefaultDebugOnlyPipelines() throws Exception {
        assertThat(OtelTestConfigs.egress("mode: daemonset\n", "helm-values", name -> null)).isEmpty();
    }

    @Test
    void componentIdsAreTypedByThePartBeforeTheSlash() {
        assertThat(OtelExporterTypes.all()).extracting(OtelExporterType::type).doesNotHaveDuplicates();
        assertThat(Map.of("otlphttp/vendor", "otlphttp", "kafka", "kafka")).allSatisfy(
                (id, type) -> assertThat(OtelExporterTypes.of(id)).get().extracting(OtelExporterType::type).isEqualTo(type));
    }

    @Test
    void theReadmeTableListsEveryExporterTypeWithTheFieldsThatCarryItsDestination() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        List<String> rows = lines.subList(lines.indexOf("### OpenTelemetry Collector"), lines.size()).stream()
                .dropWhile(line -> !line.startsWith("|---")).skip(1).takeWhile(line -> line.startsWith("|")).toList();

        for (OtelExporterType type : OtelExporterTypes.all()) {
            assertThat(rows).as("README row of exporter %s", type.type()).anySatisfy(row -> {
                assertThat(row).startsWith("| ").contains("`" + type.type() + "`");
                type.destinationFields().forEach(field -> assertThat(row).contains("`" + field + "`"));
            });
        }
    }
}
