package io.residency.auditor.collect.series;

import io.residency.auditor.facts.InputAnswer;
import io.residency.auditor.facts.SeriesLabelFact;
import io.residency.auditor.facts.SeriesScanFact;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the central querier answered, for the bundle's {@code inputs/querier/}: each answer as
 * received (as far as read when it failed part-way), a call that received nothing as a note saying
 * why, and the PII scan as a summary in the form findings hold.
 */
final class QuerierAnswers {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private QuerierAnswers() {
    }

    /**
     * @param received the answer's bytes, {@code null} when nothing came
     * @param reason   why the call did not give a usable answer, {@code null} when it did
     */
    static InputAnswer of(String answerFile, String call, byte[] received, String reason) {
        if (received != null) {
            return InputAnswer.received(answerFile, received);
        }
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("call", call);
        note.put("received", null);
        note.put("reason", reason == null ? "no answer" : reason);
        return InputAnswer.received(answerFile, JSON.writeValueAsBytes(note));
    }

    /**
     * The scan of the federated series per region: label names, counts, detector hits, the metric names
     * that carry a flagged label and keyed hashes (HMAC-SHA256, key id given). Never a label value, not
     * even a redacted one: the values stay at the querier.
     */
    static InputAnswer seriesScan(String answerFile, String regionLabel, String hmacKeyId, List<SeriesScanFact> scans,
                                  List<SeriesLabelFact> labels) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("calls", List.of("GET /api/v1/labels?match[]={" + regionLabel + "=\"<region>\"}",
                "GET /api/v1/label/<name>/values?match[]={" + regionLabel + "=\"<region>\"} for each label not allow-listed",
                "GET /api/v1/series for flagged labels only, to name the metrics that carry them"));
        summary.put("note", "Label names, counts, detector hits and keyed hashes only: no label value is kept.");
        summary.put("hmacKeyId", hmacKeyId);
        List<Map<String, Object>> regions = new ArrayList<>();
        for (SeriesScanFact scan : scans) {
            Map<String, Object> region = new LinkedHashMap<>();
            region.put("region", scan.region());
            region.put("status", scan.status());
            region.put("reason", scan.reason());
            region.put("labelsScanned", scan.labelsScanned());
            region.put("valuesScanned", scan.valuesScanned());
            List<Map<String, Object>> hits = new ArrayList<>();
            labels.stream().filter(l -> l.region().equals(scan.region())).forEach(l -> {
                Map<String, Object> hit = new LinkedHashMap<>();
                hit.put("label", l.label());
                hit.put("detector", l.detector());
                hit.put("distinctValues", l.distinctValues());
                hit.put("matchingValues", l.matchingValues());
                hit.put("seriesCount", l.seriesCount());
                hit.put("seriesCountComplete", l.seriesCountComplete());
                hit.put("metrics", l.metrics());
                hit.put("sampleHmacs", l.sampleHashes());
                hit.put("valueSetHmac", l.setHash());
                hits.add(hit);
            });
            region.put("labelsWithPersonalData", hits);
            regions.add(region);
        }
        summary.put("regions", regions);
        return InputAnswer.received(answerFile, JSON.writeValueAsBytes(summary));
    }
}
