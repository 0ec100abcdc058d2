package io.residency.auditor.controls;

import static org.assertj.core.api.Assertions.assertThat;

import io.residency.auditor.CliRun;
import io.residency.auditor.EvidenceBundles;
import io.residency.auditor.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** SOX tenants' logs judged without S3 leave what S3 itself deletes NOT TESTED, never silently compliant. */
class BucketRetentionNotTestedTest {

    @TempDir
    Path out;

    @Test
    void anOfflineRunWithSoxTenantsListsTheBucketsRetentionAsNotTested() throws IOException {
        CliRun run = CliRun.of("gate", "--offline", "--estate", TestPaths.resource("controls/sox-compliant/estate.yaml").toString(),
                "--out", out.toString(), "--db", "jdbc:h2:mem:" + UUID.randomUUID(), "--fail-on", "none");

        assertThat(run.exitCode()).as(run.output()).isZero();
        JsonNode document = JsonMapper.builder().build().readTree(Files.readString(EvidenceBundles.only(out).resolve("findings.json")));
        List<String> notTested = document.at("/scope/notTested").valueStream()
                .map(n -> n.get("control").asString() + " " + n.get("region").asString() + ": " + n.get("reason").asString()).toList();
        assertThat(notTested).contains("RES-SOX-RETENTION -: offline run: S3 was not asked what the buckets' lifecycle rules delete "
                + "and whether Object Lock protects SOX tenants' logs");
        assertThat(document.at("/scope/verdict").asString()).doesNotContain("compliant");
    }
}
