package io.residency.auditor.evidence;

import io.residency.auditor.controls.ControlCatalog;
import io.residency.auditor.controls.FrameworkCatalog;
import io.residency.auditor.facts.AuditRun;
import io.residency.auditor.facts.EgressFact;
import io.residency.auditor.facts.RunKeys;
import io.residency.auditor.facts.RunMode;
import io.residency.auditor.facts.RunScope;
import io.residency.auditor.facts.SourceFact;
import io.residency.auditor.facts.SourceStatus;
import io.residency.auditor.findings.Finding;
import io.residency.auditor.findings.Fingerprint;
import io.residency.auditor.findings.NotTested;
import io.residency.auditor.findings.Severity;
import io.residency.auditor.findings.Status;
import io.residency.auditor.policy.Policy;
import io.residency.auditor.policy.PolicyLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Evidence models for the report tests, built in memory: one with every status (FAIL, UNVERIFIED,
 * WAIVED, PASS, a finding of no framework, checks NOT TESTED) over an estate written to a folder,
 * and the same with thousands of passes for the scale tests.
 */
final class ReportModels {

    static final Instant STARTED = Instant.parse("2026-11-24T06:00:00.123Z");
    static final String RUN_ID = "20261124T060000Z-a1b2c3";
    static final String SIGNING_KEY_ID = "5f".repeat(32);
    static final String ESTATE = """
            regions:
              - name: eu-west-1
                sources:
                  - kind: loki
                    file: eu/loki.yaml
                  - kind: otel-collector
                    file: eu/otel-collector.yaml
              - name: us-east-1
                sources:
                  - kind: loki
                    file: us/loki.yaml
            central:
              region: us-east-1
              thanos:
                url: http://central-thanos-querier:10902
            aws:
              region: us-east-1
              buckets: [acme-loki-chunks-eu, acme-loki-chunks-us]
            tenants:
              - id: acme-finance
                sox: true
                home: us-east-1
            """;

    private ReportModels() {
    }

    /** Writes the estate (and one config file) into {@code folder} and returns the model of a run over it. */
    static EvidenceModel everyStatus(Path folder) throws IOException {
        return withPasses(folder, 0);
    }

    /** The model of {@link #everyStatus}, with {@code extraPasses} more PASS findings spread over controls and regions. */
    static EvidenceModel withPasses(Path folder, int extraPasses) throws IOException {
        return withExtra(folder, extraPasses, 0);
    }

    /**
     * The model of {@link #everyStatus}, with {@code extraPasses} more PASS findings spread over controls and regions,
     * and {@code extraEgressFailures} more FAIL findings of RES-EGRESS in eu-west-1 (GDPR).
     */
    static EvidenceModel withExtra(Path folder, int extraPasses, int extraEgressFailures) throws IOException {
        Files.createDirectories(folder);
        Path estate = folder.resolve("estate.yaml");
        Files.writeString(estate, ESTATE);
        Files.createDirectories(folder.resolve("eu"));
        Path loki = folder.resolve("eu/loki.yaml");
        Files.writeString(loki, "storage_config:\n  aws:\n    bucketnames: acme-loki-archive\n    region: us-east-1\n");
        List<Finding> findings = new ArrayList<>();
        findings.add(finding("RES-LOKI-STORAGE", Status.FAIL, Severity.CRITICAL, List.of("GDPR", "SOX"), "eu-west-1",
                "eu-west-1/loki storage_config.aws s3://acme-loki-archive", "eu-west-1 logs are stored in us-east-1, outside EU",
                evidence("file", loki.toString(), "line", 3, "source_id", "eu-west-1/loki", "bucket", "acme-loki-archive"), "new"));
        findings.add(finding("RES-BUCKET-REPLICATION", Status.UNVERIFIED, Severity.CRITICAL, List.of("GDPR"), "eu-west-1",
                "s3://acme-loki-chunks-eu", "GetBucketReplication was denied (AccessDenied); grant s3:GetReplicationConfiguration",
                evidence("bucket", "acme-loki-chunks-eu", "rule_status", "unknown"), "open"));
        findings.add(finding("RES-EGRESS", Status.WAIVED, Severity.HIGH, List.of("GDPR"), "eu-west-1",
                "eu-west-1/otel-collector exporters.otlphttp/vendor.endpoint logs -> https://vendor.example.com",
                "logs are sent to https://vendor.example.com, outside EU",
                evidence("endpoint", "https://vendor.example.com", "waived_status", "FAIL", "waiver_reason", "SCC with the vendor, SEC-142",
                        "waiver_approver", "dpo@example.com", "waiver_expires", "2027-03-31", "exception_id", "EX-12"), "open"));
        findings.add(finding("RES-METRICS-PII", Status.FAIL, Severity.HIGH, List.of("GDPR"), "eu-west-1",
                "label customer_email (email) in federated series of eu-west-1",
                "=HYPERLINK(\"http://x\") label customer_email carries 2 values detected as email",
                evidence("label", "customer_email", "detector", "email", "samples", "a***@e***.com"), "new"));
        findings.add(finding("RES-THANOS-DEDUP", Status.FAIL, Severity.HIGH, List.of("GDPR", "SOX"), null,
                "central Thanos Querier query.replica-label", "The querier's replica labels include the region label region",
                evidence("replica_labels", "replica,region"), "new"));
        findings.add(finding("RES-SOURCE", Status.UNVERIFIED, Severity.HIGH, List.of(), "us-east-1",
                "us-east-1/loki", "The loki configuration us/loki.yaml could not be read: no such file",
                evidence("source_id", "us-east-1/loki", "file", folder.resolve("us/loki.yaml").toString()), "new"));
        findings.add(finding("RES-SOX-RETENTION", Status.PASS, Severity.HIGH, List.of("SOX"), "us-east-1",
                "tenant acme-finance logs on us-east-1", "kept 2557 days, at least the 2557 required", evidence("retention_hours", 61368), null));
        findings.add(finding("RES-BUCKET-LOCATION", Status.PASS, Severity.HIGH, List.of("GDPR"), "eu-west-1",
                "s3://acme-loki-chunks-eu for eu-west-1/loki common.storage.s3", "the bucket is in eu-west-1 as declared",
                evidence("bucket", "acme-loki-chunks-eu", "actual_region", "eu-west-1"), null));
        String[] regions = {"eu-west-1", "eu-central-1", "us-east-1"};
        for (int i = 0; i < extraPasses; i++) {
            String region = regions[i % regions.length];
            boolean eu = region.startsWith("eu");
            String control = i % 2 == 0 ? "RES-EGRESS" : "RES-BUCKET-LOCATION";
            findings.add(finding(control, Status.PASS, Severity.HIGH, List.of(eu ? "GDPR" : "SOX"), region,
                    region + "/otel-collector exporters.otlp/" + i + ".endpoint logs -> collector-" + i + "." + region + ".observe.internal",
                    "sent inside " + (eu ? "EU" : "US"), evidence("endpoint", "collector-" + i), null));
        }
        for (int i = 0; i < extraEgressFailures; i++) {
            findings.add(finding("RES-EGRESS", Status.FAIL, Severity.HIGH, List.of("GDPR"), "eu-west-1",
                    String.format("eu-west-1/otel-collector exporters.otlphttp/vendor-%04d.endpoint logs -> https://vendor-%04d.example.com", i, i),
                    "logs are sent outside EU", evidence("endpoint", "https://vendor-" + i + ".example.com"), "open"));
        }
        AuditRun run = new AuditRun(RUN_ID, "acme-estate", "audit", "e".repeat(64), "c".repeat(64), PolicyLoader.BUNDLED, null,
                "0.1.0-test", STARTED, STARTED.plusSeconds(40), "COMPLETED");
        List<SourceFact> sources = List.of(
                new SourceFact("eu-west-1/loki", "eu-west-1", "loki", loki.toString(), SourceStatus.OK, null, "a".repeat(64)),
                new SourceFact("eu-west-1/otel-collector", "eu-west-1", "otel-collector", "eu/otel-collector.yaml", SourceStatus.OK, null, "b".repeat(64)),
                new SourceFact("us-east-1/loki", "us-east-1", "loki", "us/loki.yaml", SourceStatus.ERROR, "no such file", null));
        List<EgressFact> egress = List.of();
        List<NotTested> notTested = List.of(
                new NotTested("RES-TEMPO-STORAGE", "eu-west-1", "no Tempo source in eu-west-1: where its traces are stored was not tested"),
                new NotTested("RES-SOX-RETENTION", "us-east-1", "the us-east-1 Loki configuration could not be read"));
        RunScope scope = new RunScope(new RunMode(false, true, true), List.of("eu-west-1", "us-east-1"),
                Map.of("loki", 2L, "otel-collector", 1L), 2, 1, 1);
        return new EvidenceModel(run, findings, List.of(), List.of(), sources, egress, ControlCatalog.load().controls(),
                FrameworkCatalog.bundled(ControlCatalog.load()), Map.of("EU", List.of("eu-west-1", "eu-central-1"), "US", List.of("us-east-1")),
                Map.of("EU", List.of("GDPR"), "US", List.of("SOX")), estate.toString(), null,
                new RunKeys(SIGNING_KEY_ID, "4320e2a01beedad9", false), scope, notTested, bundledPolicy());
    }

    /** The model's findings gathered into a list, as a test compares them; the reports themselves stream them. */
    static List<Finding> findingsOf(EvidenceModel model) {
        List<Finding> findings = new ArrayList<>();
        model.findings().forEach(findings::add);
        return findings;
    }

    static Policy bundledPolicy() {
        return YAMLMapper.builder().build().readValue(PolicyLoader.bundledBytes(), Policy.class);
    }

    private static Finding finding(String control, Status status, Severity severity, List<String> frameworks, String region,
                                   String resource, String message, Map<String, Object> evidence, String lifecycle) {
        String jurisdiction = region == null ? null : region.startsWith("eu") ? "EU" : "US";
        return new Finding(control, status, severity, frameworks, region, jurisdiction, resource, message, evidence,
                Fingerprint.of(control, resource), STARTED.minusSeconds(86_400), lifecycle);
    }

    private static Map<String, Object> evidence(Object... keysAndValues) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            evidence.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return evidence;
    }
}
