package io.residency.auditor.evidence;

import io.residency.auditor.findings.Finding;
import java.util.Map;
import java.util.Objects;

/**
 * Where in the bundle a finding's evidence is: the config line it judged
 * ({@code inputs/sources/<id>.yaml:<line>}), else the fact rows it judged ({@code facts/<table>.jsonl}
 * with their key). Findings judged from S3 point at the raw answers about their bucket
 * ({@code inputs/s3/<account>/<bucket>.json}); those judged from the querier point at their facts.
 */
public final class EvidenceRefs {

    private EvidenceRefs() {
    }

    /** @return {@code null} when the finding names nothing the bundle holds */
    public static String of(Finding finding) {
        Map<String, Object> evidence = finding.evidence();
        Object sourceId = evidence.get("source_id");
        Object line = evidence.get("line");
        Object file = evidence.get("file");
        // A live endpoint's answer is not kept; a cluster object's text is (inputs/sources/), so its lines point there.
        boolean liveSource = file != null && String.valueOf(file).contains("://") && !String.valueOf(file).startsWith("k8s://");
        if (sourceId != null && line != null && !liveSource) {
            return "inputs/" + InputCopies.sourceFile(String.valueOf(sourceId)) + ":" + line;
        }
        if (evidence.get("answer_file") != null) {
            // The raw S3 answers that decided a bucket finding, as the collector filed them under inputs/s3/.
            return String.valueOf(evidence.get("answer_file"));
        }
        if (evidence.containsKey("rule_status") || evidence.containsKey("jurisdiction_from")) {
            return "facts/replication_rule_fact.jsonl bucket=" + Objects.toString(evidence.get("bucket"), finding.resource());
        }
        if (evidence.containsKey("actual_region") || evidence.containsKey("encryption")) {
            return "facts/bucket_fact.jsonl bucket=" + Objects.toString(evidence.get("bucket"), finding.resource());
        }
        if (evidence.containsKey("detector") || evidence.containsKey("value_set_hmac") || evidence.containsKey("labels_scanned")) {
            return "facts/series_label_fact.jsonl region=" + finding.region();
        }
        if (evidence.containsKey("retention_setting") || evidence.containsKey("retention_hours")) {
            return "facts/retention_fact.jsonl source_id=" + (sourceId == null ? "-" : sourceId);
        }
        if (sourceId != null) {
            return "facts/source_fact.jsonl source_id=" + sourceId;
        }
        return null;
    }
}
