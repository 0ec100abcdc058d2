package io.residency.auditor.collect.config;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code grafana-datasources} source kind: which regions' data a Grafana pulls in: its provisioned data sources. Querying a Loki or Tempo
 * moves its logs or traces to where the Grafana runs; a Prometheus data source on the central
 * Thanos Querier carries the federated, aggregated series.
 */
public final class GrafanaDatasourcesKind implements SourceKind {

    @Override
    public String name() {
        return "grafana-datasources";
    }

    @Override
    public Set<DataClassName> dataClasses() {
        return EnumSet.of(DataClassName.LOGS, DataClassName.TRACES, DataClassName.METRICS_RAW, DataClassName.METRICS_AGGREGATE);
    }

    @Override
    public Optional<DataClassName> storedDataClass() {
        return Optional.empty();
    }

    @Override
    public List<String> configMapKeys() {
        return List.of("datasources.yaml", "datasources.yml");
    }

    @Override
    public List<String> destinationFields() {
        return List.of("datasources[].type", "datasources[].url");
    }

    @Override
    public ParsedConfig parse(ConfigTree config, ParseContext context) {
        List<EgressTarget> egress = new ArrayList<>();
        for (ConfigTree datasource : config.items("datasources")) {
            String type = datasource.text("type").orElse("");
            String url = datasource.text("url").orElse("");
            // Other data source types (databases, plugins) carry none of the policy's data classes.
            DataClassName dataClass = switch (type) {
                case "loki", "elasticsearch", "opensearch", "grafana-opensearch-datasource" -> DataClassName.LOGS;
                case "tempo", "jaeger", "zipkin" -> DataClassName.TRACES;
                case "prometheus" -> isThanos(url, context) ? DataClassName.METRICS_AGGREGATE : DataClassName.METRICS_RAW;
                default -> null;
            };
            if (dataClass == null) {
                continue;
            }
            if (url.isEmpty()) {
                egress.add(new EgressTarget(datasource.pathText(), dataClass.policyName(), "query", "(none)", null,
                        context.stackRegion(), datasource.at("url").pathText() + " is not set for this " + type + " data source, so"
                        + " the file does not say which server Grafana reads; expected url: http(s)://host[:port]"));
            } else {
                egress.add(Egress.http(datasource, dataClass, "query", url, "Grafana", context));
            }
        }
        return new ParsedConfig(List.of(), egress, List.of());
    }

    private static boolean isThanos(String url, ParseContext context) {
        // An unreadable URL has host "": it must never equal an unreadable querier URL and pass as aggregated.
        String host = EndpointRegions.hostOf(url);
        return context.thanosHost() != null && !host.isEmpty() && host.equals(context.thanosHost());
    }
}
