package io.residency.auditor.evidence;

import io.residency.auditor.findings.Waiver;
import io.residency.auditor.findings.WaiverOutcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The exceptions register of one framework's report: the exceptions in force that covered findings
 * (active), those past their expiry whose findings fail again (expired), and those in force that
 * covered nothing (unused). A GDPR exception appears in the GDPR report only, a SOX one in the SOX
 * report only.
 */
final class WaiversView {

    private WaiversView() {
    }

    static Map<String, Object> of(EvidenceModel model, String framework) {
        List<WaiverOutcome> listed = model.exceptionsOf(framework);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("hasWaivers", !listed.isEmpty());
        view.put("waivers", listed.stream().sorted(java.util.Comparator.comparing(WaiverOutcome::state).thenComparing(WaiverOutcome::index))
                .map(WaiversView::row).toList());
        for (WaiverOutcome.State state : WaiverOutcome.State.values()) {
            List<Map<String, Object>> rows = listed.stream().filter(w -> w.state() == state).map(WaiversView::row).toList();
            String key = state.name().toLowerCase(java.util.Locale.ROOT);
            view.put(key + "Exceptions", rows);
            view.put("has" + Character.toUpperCase(key.charAt(0)) + key.substring(1) + "Exceptions", !rows.isEmpty());
        }
        view.put("registerSummary", listed.isEmpty() ? "No exception of the register concerns " + framework + " in this run."
                : listed.stream().collect(Collectors.groupingBy(WaiverOutcome::state, java.util.TreeMap::new, Collectors.counting()))
                .entrySet().stream().map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.joining(", ")) + ".");
        return view;
    }

    private static Map<String, Object> row(WaiverOutcome outcome) {
        Waiver waiver = outcome.waiver();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", waiver.id());
        row.put("control", waiver.control());
        row.put("scope", waiver.fingerprint() != null ? "fingerprint " + waiver.fingerprint() : waiver.resource());
        row.put("reason", waiver.justification());
        row.put("riskOwner", waiver.owner());
        row.put("approver", waiver.approver());
        row.put("approved", waiver.approvalDate() == null ? "not given" : waiver.approvalDate().toString());
        row.put("expires", waiver.expires().toString());
        row.put("ticket", Objects.toString(waiver.ticket(), "-"));
        row.put("covers", waiver.covers().stream().map(Enum::name).collect(Collectors.joining(", ")));
        row.put("state", switch (outcome.state()) {
            case ACTIVE -> "active";
            case EXPIRED -> "EXPIRED: no longer applied, the findings it named fail again";
            case UNUSED -> "unused: in force but covered no finding";
        });
        row.put("css", switch (outcome.state()) {
            case ACTIVE -> "waived";
            case EXPIRED -> "fail";
            case UNUSED -> "muted";
        });
        row.put("matched", outcome.matched());
        return row;
    }
}
