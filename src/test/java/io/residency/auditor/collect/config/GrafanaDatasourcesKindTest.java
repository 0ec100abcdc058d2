package io.residency.auditor.collect.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.residency.auditor.estate.SourceSpec;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GrafanaDatasourcesKindTest {

    @Test
    void anUnreadableUrlIsNeverTakenForTheQuerierWhoseUrlIsUnreadableToo() throws Exception {
        String datasources = """
                datasources:
                  - {name: Raw, type: prometheus, url: "http://prometheus eu:9090"}
                """;
        SourceSpec spec = new SourceSpec(null, "grafana-datasources", "ds.yaml", null, "raw", null, null, null, null, null);
        ConfigDocument document = new ConfigDocumentReader(new EnvExpander(name -> null)).read(datasources.getBytes(StandardCharsets.UTF_8), spec, new GrafanaDatasourcesKind());
        EndpointRegions regions = new EndpointRegions(Map.of());
        String unreadableQuerierHost = EndpointRegions.hostOf("http://thanos query:10902");

        ParsedConfig parsed = ConfigCollector.parse(new GrafanaDatasourcesKind(), document,
                new ParseContext("us-east-1", regions, unreadableQuerierHost));

        assertThat(unreadableQuerierHost).isEmpty();
        assertThat(parsed.egress()).singleElement().satisfies(egress -> {
            assertThat(egress.dataClass()).isEqualTo("metrics-raw");
            assertThat(egress.endpoint()).isEqualTo("(unparsable)");
            assertThat(egress.originRegion()).isNull();
        });
        assertThat(parsed.egress().get(0).regionBasis()).doesNotContain("prometheus eu");
    }
}
