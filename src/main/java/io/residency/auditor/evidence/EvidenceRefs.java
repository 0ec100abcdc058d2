package io.residency.auditor.evidence;

import io.residency.auditor.facts.AnswerFiles;
import io.residency.auditor.findings.Finding;
import java.util.Map;
import java.util.Objects;

/**
 * Where in the bundle a finding's evidence is. A finding judged from a config line points at that
 * line of the source's copy ({@code inputs/sources/<id>.yaml:<line>}: files, url: and k8s: sources
 * alike), a file source that was read its copy; one judged from a live answer points at the call and the answer as the run received it
 * ({@code GET /api/v1/status/config -> inputs/api/<id>/status-config.json}, the raw S3 answers about a
 * bucket at {@code inputs/s3/<account>/<bucket>.json}, the querier's under {@code inputs/querier/}).
 *
 * <p>The fact tables ({@code facts/<table>.jsonl} with the row's key) remain only where a finding
 * genuinely has no answer or line to point at: a source that answered nothing (refused, not found,
 * not read offline), a setting whose line is not known (merged files, Helm values it cannot be
 * traced to), retention judged across sources. A region the estate lists without any source points
 * at the estate, which is all there is of it.
 */
public final class EvidenceRefs {

    private EvidenceRefs() {
    }

    /** @return {@code null} when the finding names nothing the bundle holds */
    public static String of(Finding finding) {
        Map<String, Object> evidence = finding.evidence();
        Object sourceId = evidence.get("source_id");
        Object line = evidence.get("line");
        if (sourceId != null && line != null) {
            return AnswerFiles.sourceCopy(String.valueOf(sourceId)) + ":" + line;
        }
        if (evidence.get("answer_ref") != null) {
            // What a live source answered, as the collector recorded it (source_fact.answer_ref).
            return String.valueOf(evidence.get("answer_ref"));
        }
        Object file = evidence.get("file");
        if (sourceId != null && evidence.get("content_sha256") != null && file != null && !String.valueOf(file).contains("://")
                && !String.valueOf(file).contains(" + ")) {
            // A file source that was read (RES-SOURCE): its copy, which render keeps while the file still hashes to content_sha256.
            return AnswerFiles.sourceCopy(String.valueOf(sourceId));
        }
        if (evidence.get("answer_file") != null) {
            // The raw S3 answers that decided a bucket finding, as the collector filed them under inputs/s3/.
            return String.valueOf(evidence.get("answer_file"));
        }
        String querier = querierAnswer(finding);
        if (querier != null) {
            return querier;
        }
        if (evidence.containsKey("rule_status") || evidence.containsKey("jurisdiction_from")) {
            return "facts/replication_rule_fact.jsonl bucket=" + Objects.toString(evidence.get("bucket"), finding.resource());
        }
        if (evidence.containsKey("actual_region") || evidence.containsKey("encryption")) {
            return "facts/bucket_fact.jsonl bucket=" + Objects.toString(evidence.get("bucket"), finding.resource());
        }
        if (evidence.containsKey("retention_setting") || evidence.containsKey("retention_hours")) {
            return "facts/retention_fact.jsonl source_id=" + (sourceId == null ? "-" : sourceId);
        }
        if (sourceId != null) {
            return "facts/source_fact.jsonl source_id=" + sourceId;
        }
        if (finding.resource() != null && finding.resource().startsWith("region ")) {
            return AnswerFiles.INPUTS + InputCopies.ESTATE;
        }
        return null;
    }

    /** The querier's answers are recorded whenever the querier was asked, a note standing for a call that received nothing. */
    private static String querierAnswer(Finding finding) {
        return switch (finding.controlId()) {
            case "RES-THANOS-DEDUP" -> AnswerFiles.call("/api/v1/status/flags", AnswerFiles.QUERIER_FLAGS);
            case "RES-THANOS-STORES" -> "series-regions".equals(finding.evidence().get("querier_answer"))
                    ? AnswerFiles.call("/api/v1/label/<region label>/values", AnswerFiles.QUERIER_SERIES_REGIONS)
                    : AnswerFiles.call("/api/v1/stores", AnswerFiles.QUERIER_STORES);
            case "RES-METRICS-PII" -> AnswerFiles.call("/api/v1/labels, /api/v1/label/<name>/values", AnswerFiles.QUERIER_SERIES_SCAN);
            default -> null;
        };
    }
}
