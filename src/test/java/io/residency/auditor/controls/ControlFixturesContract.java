package io.residency.auditor.controls;

import static org.assertj.core.api.Assertions.assertThat;

import io.residency.auditor.CliRun;
import io.residency.auditor.EvidenceBundles;
import io.residency.auditor.TestPaths;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * Every control on a compliant and a violating estate, through the real CLI, job and SQL, on every
 * supported database (one subclass each): the control queries are SQL and must mean the same on both.
 */
abstract class ControlFixturesContract {

    @TempDir
    Path out;

    /** A fresh, empty database for each test. */
    abstract String jdbcUrl();

    private List<JsonNode> findingsOf(String fixture, String control) throws IOException {
        CliRun run = CliRun.of("audit", "--estate", TestPaths.resource("controls/" + fixture + "/estate.yaml").toString(),
                "--out", out.toString(), "--db", jdbcUrl());
        assertThat(run.exitCode()).as(run.output()).isZero();
        return EvidenceBundles.findings(out).stream().filter(f -> f.get("control").asString().equals(control)).toList();
    }

    @ParameterizedTest(name = "{0} passes on {1}")
    @CsvSource({"RES-LOKI-STORAGE, loki-compliant", "RES-TEMPO-STORAGE, tempo-compliant", "RES-EGRESS, egress-compliant",
            "RES-SOX-RETENTION, sox-compliant", "RES-SOURCE, source-compliant", "RES-OTEL-PII-DIMENSIONS, otel-pii-compliant",
            "RES-OTEL-REDACTION, otel-redaction-compliant", "RES-PROMETHEUS-REGION-LABEL, prometheus-region-compliant"})
    void everyFindingOfTheControlIsPassOnItsCompliantFixture(String control, String fixture) throws IOException {
        List<JsonNode> findings = findingsOf(fixture, control);

        assertThat(findings).isNotEmpty();
        assertThat(findings).allSatisfy(f -> assertThat(f.get("status").asString()).as(f.toString()).isEqualTo("PASS"));
    }

    @ParameterizedTest(name = "{0} flags {1}")
    @CsvSource({
            "RES-LOKI-STORAGE, loki-violating, FAIL, eu-west-1 logs are stored in eu-central-2, outside EU",
            "RES-TEMPO-STORAGE, tempo-violating, FAIL, eu-west-1 traces are stored in us-west-2, outside EU",
            "RES-EGRESS, egress-violating, FAIL, eu-west-1 metrics-raw are sent to us-east-1, outside EU",
            "RES-EGRESS, egress-unlocated, UNVERIFIED, Cannot tell where eu-west-1.attacker.example.com is: host eu-west-1.attacker.example.com is not a cloud provider host the auditor reads",
            "RES-EGRESS, egress-unlocated, UNVERIFIED, Cannot tell where collector.example.com is: host collector.example.com is not a cloud provider host the auditor reads",
            "RES-EGRESS, egress-unlocated, UNVERIFIED, equally: eu-west-1 (pattern *.shared.internal) and us-east-1 (pattern *.shared.internal)",
            "RES-SOX-RETENTION, sox-violating, FAIL, Logs of ledger are kept 90 days; the minimum is 2557 days (SOX)",
            "RES-SOX-RETENTION, sox-table-manager-violating, FAIL, 'table_manager deletes the logs of every tenant, ledger included, after 365 days'",
            "RES-SOX-RETENTION, sox-runtime-file-unverified, UNVERIFIED, 'Retention of ledger is not known: Loki reads per-tenant overrides from runtime_config.file, a file this source does not hold'",
            "RES-SOURCE, source-violating, UNVERIFIED, Could not read loki source loki-not-shipped.yaml: file not found",
            "RES-OTEL-PII-DIMENSIONS, otel-pii-violating, FAIL, Connector spanmetrics copies the personal attribute user.email (policy pattern (?i).*e?mail.*) into metric labels that leave the collector through prometheusremotewrite",
            "RES-OTEL-PII-DIMENSIONS, otel-pii-violating, FAIL, Connector servicegraph copies the personal attribute enduser.id",
            "RES-OTEL-REDACTION, otel-redaction-violating, FAIL, Processor transform/redact redacts (SHA256,delete_key) with error_mode: ignore in pipelines traces",
            "RES-OTEL-REDACTION, otel-redaction-violating, FAIL, Processor redaction has allow_all_keys: true in pipelines traces",
            "RES-PROMETHEUS-REGION-LABEL, prometheus-region-violating, FAIL, 'Prometheus eu-west-1/prometheus of eu-west-1 labels its series region=us-east-1, another region of the estate: Thanos attributes its series to us-east-1'"})
    void theControlReportsItsViolatingFixtureWithTheExpectedStatusAndMessage(String control, String fixture, String status, String message) throws IOException {
        List<JsonNode> findings = findingsOf(fixture, control);

        assertThat(findings).anySatisfy(f -> {
            assertThat(f.get("status").asString()).isEqualTo(status);
            assertThat(f.get("message").asString()).contains(message);
        });
    }

    @Test
    void onlyThePersonalDimensionsThatAreExportedFailAndEachPointsAtItsLine() throws IOException {
        List<JsonNode> findings = findingsOf("otel-pii-violating", "RES-OTEL-PII-DIMENSIONS");

        assertThat(findings).extracting(f -> f.get("status").asString() + " " + f.at("/evidence/attribute").asString()
                + " " + f.get("evidenceRef").asString()).containsExactlyInAnyOrder(
                "PASS http.method inputs/sources/eu-west-1/otel-collector.yaml:13",
                "FAIL user.email inputs/sources/eu-west-1/otel-collector.yaml:15",
                "FAIL client.address inputs/sources/eu-west-1/otel-collector.yaml:16",
                "FAIL enduser.id inputs/sources/eu-west-1/otel-collector.yaml:18");
    }

    @Test
    void aPrometheusRegionLabelThatIsWrongMissingOrFromTheEnvironmentNeverPassesAndEachSaysTheExactFix() throws IOException {
        List<JsonNode> findings = findingsOf("prometheus-region-violating", "RES-PROMETHEUS-REGION-LABEL");

        assertThat(findings).extracting(f -> f.get("status").asString() + " " + f.get("resource").asString() + " " + f.get("message").asString()
                + " " + f.path("evidenceRef").asString()).containsExactlyInAnyOrder(
                "FAIL eu-west-1/prometheus global.external_labels.region Prometheus eu-west-1/prometheus of eu-west-1 labels its series"
                        + " region=us-east-1, another region of the estate: Thanos attributes its series to us-east-1, so cross-region"
                        + " accounting is wrong; set global: external_labels: {region: eu-west-1} inputs/sources/eu-west-1/prometheus.yaml:5",
                "UNVERIFIED eu-west-1/prometheus-unlabelled global.external_labels.region Prometheus eu-west-1/prometheus-unlabelled sets no"
                        + " region external label: Thanos cannot attribute its series to eu-west-1; set global: external_labels:"
                        + " {region: eu-west-1} inputs/sources/eu-west-1/prometheus-unlabelled.yaml:2",
                "UNVERIFIED eu-west-1/prometheus-env global.external_labels.region Prometheus eu-west-1/prometheus-env takes its region"
                        + " external label from its own environment (${REGION}), which the auditor cannot see; set global: external_labels:"
                        + " {region: eu-west-1} inputs/sources/eu-west-1/prometheus-env.yaml:3",
                "UNVERIFIED eu-west-1/prometheus-list global.external_labels.region The external labels of eu-west-1/prometheus-list could not"
                        + " be read (line 2, global.external_labels: global.external_labels is not a mapping, which Prometheus refuses to load;"
                        + " expected label names with their values, e.g. external_labels: {region: <the stack's region>}); once it is"
                        + " readable, it must set global: external_labels: {region: eu-west-1} facts/source_fact.jsonl source_id=eu-west-1/prometheus-list",
                "FAIL us-east-1/prometheus global.external_labels.region Prometheus us-east-1/prometheus of us-east-1 labels its series"
                        + " region=us-east, which is not a region of the estate: Thanos attributes its series to us-east, so cross-region"
                        + " accounting is wrong; set global: external_labels: {region: us-east-1} inputs/sources/us-east-1/prometheus.yaml:3");
        assertThat(findings).allSatisfy(f -> assertThat(f.get("fingerprint").asString()).as("control and resource only")
                .isEqualTo(io.residency.auditor.findings.Fingerprint.of("RES-PROMETHEUS-REGION-LABEL", f.get("resource").asString())));
    }

    @Test
    void anEndpointWithARegionOnlyOutsideAProviderHostNeverPasses() throws IOException {
        List<JsonNode> findings = findingsOf("egress-unlocated", "RES-EGRESS");

        assertThat(findings).hasSize(4);
        assertThat(findings).allSatisfy(f -> assertThat(f.get("status").asString()).as(f.toString()).isEqualTo("UNVERIFIED"));
    }

    @Test
    void gcsAndAzureStoresAreNamedAsTheirProvidersWriteThemNeverS3() throws IOException {
        List<JsonNode> findings = findingsOf("loki-gcs-azure", "RES-LOKI-STORAGE");

        assertThat(findings).hasSize(2).noneSatisfy(f -> assertThat(f.get("resource").asString()).contains("s3://"));
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.get("resource").asString()).endsWith(" gs://acme-loki-gcs");
            assertThat(f.get("status").asString()).isEqualTo("UNVERIFIED");
            assertThat(f.get("message").asString()).contains("gcloud storage buckets describe gs://acme-loki-gcs");
        });
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.get("resource").asString()).endsWith(" https://acmelogs.blob.core.windows.net/loki-chunks");
            assertThat(f.get("status").asString()).isEqualTo("PASS");
        });
    }

    @Test
    void duplicateKeyInAConfigIsAnUnverifiedSourceNamingTheLine() throws IOException {
        List<JsonNode> findings = findingsOf("source-violating", "RES-SOURCE");

        assertThat(findings).anySatisfy(f -> assertThat(f.get("message").asString())
                .contains("prometheus.yml", "line 3", "Duplicate Object property \"url\""));
    }
}
