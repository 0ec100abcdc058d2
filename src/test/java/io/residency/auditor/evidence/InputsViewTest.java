package io.residency.auditor.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.residency.auditor.facts.SourceFact;
import io.residency.auditor.facts.SourceStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An estate of thousands of sources keeps its PDF's inputs section short, and leaves out no unread source. */
class InputsViewTest {

    @TempDir
    Path dir;

    @Test
    void listsEveryUnreadSourceAndTheFirstSourcesReadThenCountsTheRest() throws Exception {
        EvidenceModel small = ReportModels.everyStatus(dir);
        List<SourceFact> sources = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            boolean unread = i % 40 == 39;
            sources.add(new SourceFact("eu-west-1/loki-" + i, "eu-west-1", "loki", "configs/loki-" + i + ".yaml",
                    unread ? SourceStatus.ERROR : SourceStatus.OK, unread ? "no such file" : null, unread ? null : "a".repeat(64)));
        }
        EvidenceModel large = new EvidenceModel(small.run(), small.findings(), small.resolved(), small.waivers(), sources, small.egress(),
                small.controls(), small.frameworkCatalog(), small.jurisdictions(), small.frameworksOf(), small.estateSource(),
                small.waiversSource(), small.keys(), small.scope(), small.notTested(), small.previousRunId(), small.sourceRemoved(),
                small.policy());

        List<Map<String, Object>> inputs = InputsView.of(large);

        // estate and policy, 50 sources read, the 3 unread (each a limitation), one line for the rest
        assertThat(inputs).hasSize(2 + InputsView.READ_SOURCES_LISTED + 3 + 1);
        assertThat(inputs).filteredOn(row -> row.get("status").toString().startsWith("NOT READ")).extracting(row -> row.get("name"))
                .containsExactly("eu-west-1/loki-39 (loki)", "eu-west-1/loki-79 (loki)", "eu-west-1/loki-119 (loki)");
        assertThat(inputs.get(inputs.size() - 1)).containsEntry("name", "67 more sources, all read")
                .containsEntry("location", "each with its SHA-256 in facts/source_fact.jsonl, its copy under inputs/ (covered by the manifest)");
    }
}
