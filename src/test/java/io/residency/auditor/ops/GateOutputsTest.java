package io.residency.auditor.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.residency.auditor.CliRun;
import io.residency.auditor.TestPaths;
import io.residency.auditor.cli.ExitCode;
import io.residency.auditor.controls.ControlCatalog;
import io.residency.auditor.controls.ControlDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The pre-release gate's machine outputs, checked structurally as CI systems read them. */
class GateOutputsTest {

    @TempDir
    Path out;

    private Path gate(String estate, String... formats) throws IOException {
        CliRun run = CliRun.of("gate", "--offline", "--estate", TestPaths.resource(estate).toString(), "--out", out.toString(),
                "--db", "jdbc:h2:mem:" + UUID.randomUUID(), "--format", String.join(",", formats));
        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.FINDINGS);
        try (Stream<Path> bundles = Files.list(out)) {
            return bundles.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    @Test
    void sarifHasARulePerControlAndLocatesTheOffendingSetting() throws IOException {
        Path bundle = gate("controls/loki-violating/estate.yaml", "json", "sarif", "junit");

        JsonNode sarif = JsonMapper.builder().build().readTree(bundle.resolve("findings.sarif").toFile());
        assertThat(sarif.get("version").asString()).isEqualTo("2.1.0");
        assertThat(sarif.get("$schema").asString()).contains("sarif-2.1.0");
        JsonNode run = sarif.get("runs").get(0);
        assertThat(run.at("/tool/driver/name").asString()).isEqualTo("residency-auditor");
        assertThat(run.at("/tool/driver/rules").valueStream().map(r -> r.get("id").asString()))
                .containsExactlyInAnyOrderElementsOf(ControlCatalog.load().controls().stream().map(ControlDefinition::id).toList());
        JsonNode result = run.get("results").valueStream().filter(r -> r.get("ruleId").asString().equals("RES-LOKI-STORAGE"))
                .findFirst().orElseThrow();
        assertThat(result.get("level").asString()).isEqualTo("error");
        assertThat(result.at("/message/text").asString()).contains("FAIL", "eu-central-2, outside EU");
        assertThat(result.at("/locations/0/physicalLocation/artifactLocation/uri").asString()).isEqualTo("loki.yaml");
        assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(3);
        assertThat(result.at("/partialFingerprints/residencyFinding~1v1").asString()).hasSize(32);
        assertThat(Files.readString(bundle.resolve("MANIFEST.sha256"))).contains("findings.sarif", "junit.xml");
    }

    @Test
    void junitHasATestCasePerControlAndResourceWithFailuresForFailAndUnverified() throws Exception {
        Path bundle = gate("estates/unreadable/estate.yaml", "junit");

        Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(bundle.resolve("junit.xml").toFile());
        Element suites = junit.getDocumentElement();
        assertThat(suites.getTagName()).isEqualTo("testsuites");
        assertThat(suites.getAttribute("failures")).isEqualTo("4");
        NodeList failures = junit.getElementsByTagName("failure");
        assertThat(failures.getLength()).isEqualTo(4);
        Element first = (Element) failures.item(0);
        assertThat(first.getAttribute("type")).isEqualTo("UNVERIFIED");
        assertThat(((Element) first.getParentNode()).getAttribute("classname")).startsWith("RES-");
        assertThat(Files.exists(bundle.resolve("findings.sarif"))).as("only the formats asked for").isFalse();
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        CliRun run = CliRun.of("gate", "--offline", "--estate", TestPaths.resource("estates/compliant/estate.yaml").toString(),
                "--format", "json,html", "--db", "jdbc:h2:mem:" + UUID.randomUUID());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.stderr()).contains("--format html is unknown; expected one of json,csv,pdf,sarif,junit,ocsf");
    }

    @Test
    void anUnknownAuditFormatIsAUsageErrorNamingTheKnownOnes() {
        CliRun run = CliRun.of("audit", "--estate", TestPaths.resource("estates/compliant/estate.yaml").toString(),
                "--format", "pdf,xlsx", "--db", "jdbc:h2:mem:" + UUID.randomUUID());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.stderr()).contains("--format xlsx is unknown; expected one of json,csv,pdf,sarif,junit,ocsf");
    }

    @Test
    void gateWithFormatOcsfRendersOnlyTheOcsfReportBesideTheEvidence() throws IOException {
        Path bundle = gate("controls/loki-violating/estate.yaml", "ocsf");

        assertThat(fileNames(bundle)).containsExactlyInAnyOrder("findings.ocsf.json", "findings.json", "MANIFEST.sha256", "inputs", "facts", "controls");
    }

    @Test
    void gateWithFormatJsonRendersNoPdfNorCsvButStillTheManifest() throws IOException {
        Path bundle = gate("controls/loki-violating/estate.yaml", "json");

        assertThat(fileNames(bundle)).containsExactlyInAnyOrder("findings.json", "MANIFEST.sha256", "inputs", "facts", "controls");
        // Whatever --format asks, the bundle holds what an auditor needs to re-perform the run, and the manifest covers it.
        assertThat(Files.readString(bundle.resolve("MANIFEST.sha256"))).contains("inputs/estate.yaml", "inputs/policy.yaml",
                "inputs/redactions.json", "inputs/sources/eu-west-1/loki.yaml", "facts/storage_fact.jsonl", "facts/source_fact.jsonl",
                "facts/audit_run.jsonl", "controls/catalog.yaml", "controls/storage-in-jurisdiction.sql");
        CliRun verify = CliRun.of("verify", bundle.toString());
        assertThat(verify.exitCode()).as(verify.output()).isZero();
        JsonNode failure = JsonMapper.builder().build().readTree(bundle.resolve("findings.json").toFile()).get("findings").valueStream()
                .filter(f -> f.get("control").asString().equals("RES-LOKI-STORAGE") && f.get("status").asString().equals("FAIL"))
                .findFirst().orElseThrow();
        assertThat(failure.get("evidenceRef").asString()).matches("inputs/sources/eu-west-1/loki\\.yaml:\\d+");
    }

    @Test
    void gateByDefaultRendersJsonSarifAndJunitOnly() throws IOException {
        CliRun run = CliRun.of("gate", "--offline", "--estate", TestPaths.resource("controls/loki-violating/estate.yaml").toString(),
                "--out", out.toString(), "--db", "jdbc:h2:mem:" + UUID.randomUUID());

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.FINDINGS);
        try (Stream<Path> bundles = Files.list(out)) {
            Path bundle = bundles.filter(Files::isDirectory).findFirst().orElseThrow();
            assertThat(fileNames(bundle)).containsExactlyInAnyOrder("findings.json", "findings.sarif", "junit.xml", "MANIFEST.sha256",
                    "inputs", "facts", "controls");
        }
    }

    @Test
    void auditWithFormatPdfRendersOnlyThePdfsAndTheManifestListsThem() throws IOException {
        CliRun run = CliRun.of("audit", "--estate", TestPaths.resource("controls/loki-violating/estate.yaml").toString(),
                "--out", out.toString(), "--db", "jdbc:h2:mem:" + UUID.randomUUID(), "--format", "pdf");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        try (Stream<Path> bundles = Files.list(out)) {
            Path bundle = bundles.filter(Files::isDirectory).findFirst().orElseThrow();
            assertThat(fileNames(bundle)).containsExactlyInAnyOrder("gdpr-evidence.pdf", "sox-evidence.pdf", "findings.json",
                    "MANIFEST.sha256", "inputs", "facts", "controls");
            assertThat(Files.readString(bundle.resolve("MANIFEST.sha256"))).contains("gdpr-evidence.pdf", "sox-evidence.pdf");
        }
    }

    /** findings.json is the record verify and rejudge read: a bundle of any --format verifies and re-performs. */
    @Test
    void aGateBundleWithoutJsonAskedForStillVerifiesAndReperforms() throws IOException {
        Path bundle = gate("controls/loki-violating/estate.yaml", "sarif");

        assertThat(fileNames(bundle)).contains("findings.json", "findings.sarif").doesNotContain("junit.xml");
        CliRun verify = CliRun.of("verify", bundle.toString());
        assertThat(verify.exitCode()).as(verify.output()).isEqualTo(ExitCode.OK);
        CliRun rejudge = CliRun.of("rejudge", bundle.toString());
        assertThat(rejudge.exitCode()).as(rejudge.output()).isEqualTo(ExitCode.OK);
        assertThat(rejudge.output()).contains("reproduces its findings.json");
    }

    private static List<String> fileNames(Path bundle) throws IOException {
        try (Stream<Path> files = Files.list(bundle)) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }
}
