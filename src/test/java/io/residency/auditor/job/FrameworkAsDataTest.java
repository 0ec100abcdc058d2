package io.residency.auditor.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.residency.auditor.CliRun;
import io.residency.auditor.EvidenceBundles;
import io.residency.auditor.TestPaths;
import io.residency.auditor.cli.ExitCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** A framework added as data only: a YAML file the policy names, and no Java change. */
class FrameworkAsDataTest {

    private static final String ACME = """
            id: ACME-RES
            name: ACME Residency Standard 2026
            source: https://standards.acme.example/residency
            report:
              file: acme-res
              title: ACME residency evidence
            requirements:
              - ref: RES-1
                title: Logs are stored at home
                why: ACME's customers were promised their logs never leave their region's jurisdiction.
                controls: [RES-LOKI-STORAGE]
              - ref: RES-2
                title: Nothing flows abroad
                why: The same promise covers every flow out of a region.
                controls: [RES-EGRESS, RES-LOKI-STORAGE]
            """;

    @TempDir
    Path dir;

    /** The bundled policy with ACME-RES applied in the EU beside GDPR, its definition in a file next to the policy. */
    private Path policyWithAcme(String definition) throws IOException {
        String bundled;
        try (InputStream in = getClass().getResourceAsStream("/policy/default-policy.yaml")) {
            bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.writeString(dir.resolve("acme-res.yaml"), definition);
        String policy = bundled.replace("frameworks: [GDPR]", "frameworks: [GDPR, ACME-RES]")
                .replace("\nframeworks:\n", "\nframeworks:\n  ACME-RES:\n    definition: acme-res.yaml\n    storageInJurisdiction: [logs]\n");
        return Files.writeString(dir.resolve("policy.yaml"), policy);
    }

    private CliRun audit(Path policy) {
        return CliRun.of("audit", "--estate", TestPaths.resource("controls/loki-violating/estate.yaml").toString(),
                "--policy", policy.toString(), "--out", dir.resolve("out").toString(), "--db", "jdbc:h2:mem:" + UUID.randomUUID());
    }

    @Test
    void aToyFrameworkFromAYamlFileIsOnTheFindingsAndHasItsOwnCsvAndPdf() throws IOException {
        CliRun run = audit(policyWithAcme(ACME));

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        List<JsonNode> findings = EvidenceBundles.findings(dir.resolve("out"));
        JsonNode violation = findings.stream().filter(f -> f.get("control").asString().equals("RES-LOKI-STORAGE")
                && f.get("status").asString().equals("FAIL")).findFirst().orElseThrow();
        assertThat(violation.get("framework").asString()).isEqualTo("GDPR,ACME-RES");
        assertThat(findings).filteredOn(f -> f.get("control").asString().equals("RES-SOURCE"))
                .allSatisfy(f -> assertThat(f.get("framework").asString()).doesNotContain("ACME-RES"));

        Path bundle = EvidenceBundles.only(dir.resolve("out"));
        List<String> csv = Files.readAllLines(bundle.resolve("acme-res-findings.csv"));
        assertThat(csv.get(0)).startsWith("control,status,severity,framework");
        assertThat(csv.subList(1, csv.size())).isNotEmpty().allSatisfy(row -> assertThat(row).contains("ACME-RES"))
                .anySatisfy(row -> assertThat(row).startsWith("RES-LOKI-STORAGE,FAIL"));
        String pdf = EvidenceBundles.pdfText(bundle.resolve("acme-res-evidence.pdf"));
        assertThat(pdf).contains("ACME residency evidence", "Verdict: violations found", "EU (eu-central-1",
                "RES-LOKI-STORAGE: Loki stores each region's logs", "RES-1 (Logs are stored at home); RES-2 (Nothing flows abroad)",
                "ACME Residency Standard 2026", "https://standards.acme.example/residency")
                .doesNotContain("RES-SOX-RETENTION");
        assertThat(Files.readString(bundle.resolve("MANIFEST.sha256"))).contains("acme-res-findings.csv", "acme-res-evidence.pdf");
    }

    @Test
    void aToyFrameworkCitingAnUnknownControlStopsTheRunAsBadInput() throws IOException {
        CliRun run = audit(policyWithAcme(ACME.replace("[RES-EGRESS, RES-LOKI-STORAGE]", "[RES-EGRESS, RES-LOKI-STORAGES]")));

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.stderr()).contains("acme-res.yaml", "line 15, requirements[1].controls[1]", "unknown control 'RES-LOKI-STORAGES'");
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
