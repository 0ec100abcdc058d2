package io.residency.auditor.collect.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Which regions' data a Grafana pulls in: its provisioned data sources. Querying a Loki or Tempo
 * moves its logs or traces to where the Grafana runs; a Prometheus data source on the central
 * Thanos Querier carries the federated, aggregated series.
 */
public final class GrafanaDatasourcesParser implements ConfigParser {

    @Override
    public ParsedConfig parse(ConfigTree config, ParseContext context) {
        List<EgressTarget> egress = new ArrayList<>();
        for (ConfigTree datasource : config.items("datasources")) {
            String type = datasource.text("type").orElse("");
            String url = datasource.text("url").orElse("");
            String dataClass = switch (type) {
                case "loki" -> "logs";
                case "tempo", "jaeger", "zipkin" -> "traces";
                case "prometheus" -> isThanos(url, context) ? "metrics-aggregate" : "metrics-raw";
                default -> null;
            };
            if (dataClass != null) {
                egress.add(Egress.query(datasource, dataClass, url, context));
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
