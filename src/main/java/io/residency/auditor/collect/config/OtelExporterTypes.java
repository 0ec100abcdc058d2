package io.residency.auditor.collect.config;

import io.residency.auditor.collect.config.OtelExporterType.Reach;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every OpenTelemetry Collector exporter type the auditor understands, with the fields that carry
 * its destination (from each exporter's README in opentelemetry-collector and -contrib). The README's
 * "OpenTelemetry Collector" table is this table. A type not listed here, used by a pipeline, is
 * UNVERIFIED: an exporter the auditor cannot read must never be taken for one that sends nothing.
 */
public final class OtelExporterTypes {

    private static final List<String> OTLP_FIELDS = List.of("endpoint", "traces_endpoint", "metrics_endpoint", "logs_endpoint",
            "profiles_endpoint");
    private static final Map<String, OtelExporterType> TYPES = new LinkedHashMap<>();

    static {
        // otlp_grpc and otlp_http are the newer names of otlp and otlphttp (the OpenTelemetry demo uses them).
        for (String type : List.of("otlp", "otlp_grpc", "otlphttp", "otlp_http")) {
            send(type, OTLP_FIELDS);
        }
        send("loadbalancing", List.of("resolver.static.hostnames", "resolver.dns.hostname", "resolver.k8s.service"));
        add(new OtelExporterType("kafka", Reach.SEND, List.of("brokers"), "localhost:9092", null));
        send("prometheusremotewrite", List.of("endpoint"));
        send("loki", List.of("endpoint"));
        send("elasticsearch", List.of("endpoint", "endpoints"));
        send("opensearch", List.of("http.endpoint", "endpoint"));
        send("zipkin", List.of("endpoint"));
        send("jaeger", List.of("endpoint"));
        send("splunk_hec", List.of("endpoint"));
        send("influxdb", List.of("endpoint"));
        send("clickhouse", List.of("endpoint"));
        add(new OtelExporterType("awss3", Reach.S3, List.of("s3uploader.endpoint", "s3uploader.region"), null, null));
        for (String type : List.of("awsxray", "awsemf", "awscloudwatchlogs", "awskinesis")) {
            add(new OtelExporterType(type, Reach.AWS_REGIONAL, List.of("endpoint", "region"), null, null));
        }
        for (String type : List.of("debug", "logging", "file", "nop")) {
            add(new OtelExporterType(type, Reach.LOCAL, List.of(), null, null));
        }
        add(new OtelExporterType("prometheus", Reach.LISTENER, List.of("endpoint"), null, null));
        add(new OtelExporterType("googlecloud", Reach.NOT_LOCATABLE, List.of(), null,
                "Google Cloud Trace, Monitoring and Logging are global APIs; where they keep data is a setting of the GCP project"
                        + " (log bucket and trace locations), not of the collector; verify it there and record it in the estate's endpoints map"));
        // A Datadog site is a host, not a cloud region: it is located only by the estate's endpoints map.
        add(new OtelExporterType("datadog", Reach.SEND, List.of("api.site"), "datadoghq.com", null));
    }

    private OtelExporterTypes() {
    }

    private static void send(String type, List<String> fields) {
        add(new OtelExporterType(type, Reach.SEND, fields, null, null));
    }

    private static void add(OtelExporterType type) {
        TYPES.put(type.type(), type);
    }

    /** The row for a component id ({@code otlphttp/vendor} is of type otlphttp), or empty for a type not understood. */
    public static Optional<OtelExporterType> of(String componentId) {
        return Optional.ofNullable(TYPES.get(typeOf(componentId)));
    }

    /** Every row, in the README's order. */
    public static List<OtelExporterType> all() {
        return List.copyOf(TYPES.values());
    }

    /** The type part of a component id: "otlphttp/eu" is an otlphttp named eu. */
    public static String typeOf(String componentId) {
        int slash = componentId.indexOf('/');
        return slash < 0 ? componentId : componentId.substring(0, slash);
    }
}
