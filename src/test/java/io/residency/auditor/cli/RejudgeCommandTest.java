package io.residency.auditor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.residency.auditor.CliRun;
import io.residency.auditor.EvidenceBundles;
import io.residency.auditor.TestPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code rejudge}: a bundle's facts and inputs, judged again offline on a fresh database, give its findings. */
class RejudgeCommandTest {

    @TempDir
    Path dir;

    @Test
    void reproducesTheDemoEstateJudgedOffline() throws IOException {
        Path out = dir.resolve("out");
        CliRun gate = CliRun.of("gate", "--offline", "--format", "json", "--estate", TestPaths.demoEstate().toString(),
                "--out", out.toString(), "--db", "jdbc:h2:mem:" + UUID.randomUUID());
        assertThat(gate.exitCode()).as(gate.output()).isIn(0, 1);
        Path bundle = EvidenceBundles.only(out);

        CliRun rejudge = CliRun.of("rejudge", bundle.toString());

        assertThat(rejudge.exitCode()).as(rejudge.output()).isZero();
        assertThat(rejudge.stdout()).contains("reproduces its findings.json");
    }

    @Test
    void reproducesEveryStatusAndNamesAFindingWhoseFactsWereEdited() throws IOException {
        Path out = dir.resolve("out");
        Path waivers = dir.resolve("waivers.yaml");
        Files.writeString(waivers, """
                waivers:
                  - control: RES-LOKI-STORAGE
                    resource: "eu-west-1/loki storage_config.aws *"
                    reason: covered by the adequacy decision for Switzerland (ticket SEC-142)
                    approver: dpo@example.com
                    expires: %s
                """.formatted(java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusMonths(6)));
        Path estate = everyStatusEstate();
        CliRun gate = CliRun.of("gate", "--offline", "--format", "json", "--estate", estate.toString(), "--out", out.toString(),
                "--waivers", waivers.toString(), "--db", "jdbc:h2:mem:" + UUID.randomUUID());
        assertThat(gate.exitCode()).as(gate.output()).isIn(0, 1);
        Path bundle = EvidenceBundles.only(out);
        Set<String> statuses = EvidenceBundles.findings(out).stream().map(f -> f.get("status").asString()).collect(Collectors.toSet());
        assertThat(statuses).containsExactlyInAnyOrder("PASS", "FAIL", "UNVERIFIED", "WAIVED");
        assertThat(bundle.resolve("inputs/waivers.yaml")).hasSameTextualContentAs(waivers);

        CliRun same = CliRun.of("rejudge", bundle.toString());
        assertThat(same.exitCode()).as(same.output()).isZero();

        // A FAIL on a bucket's region: move the bucket into the jurisdiction in the facts.
        List<JsonNode> all = EvidenceBundles.findings(out);
        JsonNode failed = all.stream()
                .filter(f -> f.get("status").asString().equals("FAIL") && f.get("resource").asString().contains("s3://logs-us"))
                .findFirst().orElseThrow(() -> new AssertionError(all.toString()));
        Path storage = bundle.resolve("facts/storage_fact.jsonl");
        String facts = Files.readString(storage, StandardCharsets.UTF_8);
        assertThat(facts).contains("\"declared_region\":\"us-east-1\"");
        Files.writeString(storage, facts.replace("\"declared_region\":\"us-east-1\"", "\"declared_region\":\"eu-west-1\""));

        CliRun edited = CliRun.of("rejudge", bundle.toString());

        assertThat(edited.exitCode()).as(edited.output()).isEqualTo(1);
        assertThat(edited.stdout()).contains("CHANGED", failed.get("fingerprint").asString(), "FAIL in findings.json, PASS re-performed");
    }

    @Test
    void aFolderThatIsNotABundleIsExit2() throws IOException {
        Files.createDirectories(dir.resolve("empty"));
        assertThat(CliRun.of("rejudge", dir.resolve("empty").toString()).exitCode()).isEqualTo(2);
        assertThat(CliRun.of("rejudge", dir.resolve("missing").toString()).exitCode()).isEqualTo(2);
    }

    /** One stack with a bucket in and one out of the EU (PASS, FAIL, waived), and an unreadable source (UNVERIFIED). */
    private Path everyStatusEstate() throws IOException {
        Files.writeString(dir.resolve("loki.yaml"), """
                common:
                  storage:
                    s3:
                      bucketnames: logs-eu
                      region: eu-west-1
                storage_config:
                  aws:
                    bucketnames: logs-ch
                    region: eu-central-2
                  named_stores:
                    aws:
                      us:
                        bucketnames: logs-us
                        region: us-east-1
                schema_config:
                  configs:
                    - from: 2020-10-24
                      store: tsdb
                      object_store: s3
                      schema: v13
                    - from: 2024-01-01
                      store: tsdb
                      object_store: us
                      schema: v13
                """);
        Files.writeString(dir.resolve("broken.yaml"), "storage_config:\n  aws: [\n");
        Path estate = dir.resolve("estate.yaml");
        Files.writeString(estate, """
                name: every-status
                regions:
                  - name: eu-west-1
                    sources:
                      - {kind: loki, file: loki.yaml}
                      - {kind: loki, file: broken.yaml}
                """);
        return estate;
    }
}
