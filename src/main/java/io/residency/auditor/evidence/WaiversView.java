package io.residency.auditor.evidence;

import io.residency.auditor.findings.WaiverOutcome;
import java.util.LinkedHashMap;
import java.util.Map;

/** The register of waivers given for the run: in force or expired, and whether each matched a finding. */
final class WaiversView {

    private WaiversView() {
    }

    static Map<String, Object> of(EvidenceModel model) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("hasWaivers", !model.waivers().isEmpty());
        view.put("waivers", model.waivers().stream().map(WaiversView::row).toList());
        return view;
    }

    private static Map<String, Object> row(WaiverOutcome outcome) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("control", outcome.waiver().control());
        row.put("scope", outcome.waiver().fingerprint() != null ? "fingerprint " + outcome.waiver().fingerprint() : outcome.waiver().resource());
        row.put("reason", outcome.waiver().reason());
        row.put("approver", outcome.waiver().approver());
        row.put("expires", outcome.waiver().expires().toString());
        row.put("state", outcome.expired() ? "EXPIRED: no longer applied" : "in force");
        row.put("css", outcome.expired() ? "fail" : "waived");
        row.put("matched", outcome.matched());
        return row;
    }
}
