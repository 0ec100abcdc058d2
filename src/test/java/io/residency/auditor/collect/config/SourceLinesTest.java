package io.residency.auditor.collect.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.residency.auditor.TestPaths;
import io.residency.auditor.estate.SourceSpec;
import io.residency.auditor.input.YamlErrors;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Findings from ConfigMaps and Helm values point at the line of the file a person opens, not of a document inside it. */
class SourceLinesTest {

    private final ConfigDocumentReader reader = new ConfigDocumentReader(new EnvExpander(name -> null));

    private ConfigDocument read(String fixture, String format) throws Exception {
        SourceSpec spec = new SourceSpec(null, "loki", fixture, null, format, null, null, null, null, null);
        return reader.read(Files.readAllBytes(TestPaths.resource("configs/loki/" + fixture)), spec, SourceKinds.registered().get("loki"));
    }

    @Test
    void aConfigInAConfigMapBlockIsFoundAtItsLineInTheManifest() throws Exception {
        ConfigDocument document = read("17-configmap-rendered-by-chart.yaml", "configmap");

        assertThat(document.lines().lineOf(YamlErrors.parse("common.storage.s3"))).isEqualTo(26);
        assertThat(document.lines().lineOf(YamlErrors.parse("common.storage.s3.region"))).isEqualTo(28);
    }

    @Test
    void aRenderedSettingPointsAtTheValueItCameFrom() throws Exception {
        ConfigDocument document = read("19-helm-values-loki-s3.yaml", "helm-values");

        assertThat(document.lines().lineOf(YamlErrors.parse("common.storage.s3.region"))).isEqualTo(23);
        // Each bucket name at its own key under bucketNames, not at bucketNames itself.
        assertThat(document.lines().lineOf(YamlErrors.parse("common.storage.s3.bucketnames"))).isEqualTo(19);
        assertThat(document.lines().lineOf(YamlErrors.parse("ruler.storage.s3.bucketnames"))).isEqualTo(20);
        assertThat(document.lines().lineOf(YamlErrors.parse("schema_config.configs[0].object_store"))).isEqualTo(13);
        // A block assembled from several values points at the first of them.
        assertThat(document.lines().lineOf(YamlErrors.parse("common.storage.s3"))).isEqualTo(19);
    }

    @Test
    void aSettingTheChartAddsItselfHasNoLine() throws Exception {
        ConfigDocument document = read("19-helm-values-loki-s3.yaml", "helm-values");

        assertThat(document.lines().lineOf(YamlErrors.parse("ruler.storage.type"))).isEqualTo(17);
        assertThat(document.lines().lineOf(YamlErrors.parse("memberlist.join_members"))).isEqualTo(-1);
    }
}
