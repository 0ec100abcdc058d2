package io.residency.auditor.collect.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.residency.auditor.CliRun;
import io.residency.auditor.EvidenceBundles;
import io.residency.auditor.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Runs one row of an upstream corpus (src/test/resources/upstream/&lt;folder&gt;/expected.csv): the
 * file(s) as the only source of eu-west-1, through the real CLI, job and controls, and checks the
 * RES-SOURCE verdict, the RES-EGRESS counts and one message. Several files joined by {@code +} are
 * one source with {@code files:}; {@code options} are extra estate lines of the source (such as
 * {@code key: thanos.yaml}) and {@code endpoints} the estate's endpoints map, both optional.
 */
final class UpstreamCorpus {

    private UpstreamCorpus() {
    }

    record Row(String folder, String kind, String files, String format, String options, String endpoints,
               String sourceStatus, int pass, int fail, int unverified, String messageContains) {
    }

    static void check(Path work, Row row) throws IOException {
        List<JsonNode> findings = audit(work, row.folder(), row.kind(), row.files(), row.format(), row.options(), row.endpoints());
        List<JsonNode> egress = of(findings, "RES-EGRESS");
        assertThat(of(findings, "RES-SOURCE")).singleElement().satisfies(f -> assertThat(f.get("status").asString()).as(f.toString())
                .isEqualTo(row.sourceStatus()));
        assertThat(List.of(count(egress, "PASS"), count(egress, "FAIL"), count(egress, "UNVERIFIED"))).as(egress.toString())
                .containsExactly(row.pass(), row.fail(), row.unverified());
        if (row.messageContains() != null) {
            assertThat(findings).as(findings.toString()).anySatisfy(f -> assertThat(f.get("message").asString()).contains(row.messageContains()));
        }
    }

    /** Audits the corpus file(s) as the only source of eu-west-1 and returns every finding of the run. */
    static List<JsonNode> audit(Path work, String folder, String kind, String files, String format, String options, String endpoints)
            throws IOException {
        String corpus = "upstream/" + folder + "/";
        List<String> names = Arrays.asList(files.split("\\+"));
        for (String name : names) {
            Files.copy(TestPaths.resource(corpus + name), work.resolve(name));
        }
        String where = names.size() == 1 ? "file: " + names.get(0)
                : "files: [" + names.stream().collect(Collectors.joining(", ")) + "]";
        StringBuilder estateText = new StringBuilder("regions:\n  - name: eu-west-1\n    sources:\n      - kind: ").append(kind)
                .append("\n        ").append(where).append("\n        format: ").append(format).append('\n');
        if (options != null) {
            estateText.append("        ").append(options).append('\n');
        }
        if (endpoints != null) {
            estateText.append("endpoints: ").append(endpoints).append('\n');
        }
        Path estate = work.resolve("estate.yaml");
        Files.writeString(estate, estateText);
        Path out = work.resolve("out");

        CliRun run = CliRun.of("audit", "--estate", estate.toString(), "--out", out.toString(), "--db", "jdbc:h2:mem:" + UUID.randomUUID());

        assertThat(run.exitCode()).as(run.output()).isZero();
        return EvidenceBundles.findings(out);
    }

    static List<JsonNode> of(List<JsonNode> findings, String control) {
        return findings.stream().filter(f -> f.get("control").asString().equals(control)).toList();
    }

    private static int count(List<JsonNode> findings, String status) {
        return (int) findings.stream().filter(f -> f.get("status").asString().equals(status)).count();
    }
}
