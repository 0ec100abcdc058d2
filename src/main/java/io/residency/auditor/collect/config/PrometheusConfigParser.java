package io.residency.auditor.collect.config;

import java.util.ArrayList;
import java.util.List;

/** Where a Prometheus sends raw samples: its remote_write URLs. */
public final class PrometheusConfigParser implements ConfigParser {

    @Override
    public ParsedConfig parse(ConfigTree config, ParseContext context) {
        List<EgressTarget> egress = new ArrayList<>();
        for (ConfigTree remoteWrite : config.items("remote_write")) {
            String url = remoteWrite.text("url").orElseThrow(() -> new ConfigShapeException(remoteWrite.path(), "expected a url"));
            egress.add(Egress.send(remoteWrite, "metrics-raw", url, context));
        }
        return new ParsedConfig(List.of(), egress, List.of());
    }
}
