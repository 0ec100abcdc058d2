package io.residency.auditor.findings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies waivers to a run's findings. A FAIL or UNVERIFIED finding covered by a waiver in force
 * becomes WAIVED, keeping its original status, the reason, the approver and the expiry as evidence.
 * A covering waiver that has expired changes nothing, and the finding says it expired.
 */
public final class Waivers {

    /** The findings after waivers, and each waiver's outcome. */
    public record Applied(List<Finding> findings, List<WaiverOutcome> outcomes) {
    }

    private Waivers() {
    }

    public static Applied apply(List<Finding> findings, List<Waiver> waivers, LocalDate today) {
        int[] matched = new int[waivers.size()];
        List<Finding> result = new ArrayList<>();
        for (Finding finding : findings) {
            Finding judged = finding;
            if (finding.status().isProblem()) {
                for (int i = 0; i < waivers.size(); i++) {
                    Waiver waiver = waivers.get(i);
                    if (!waiver.covers(finding)) {
                        continue;
                    }
                    matched[i]++;
                    if (waiver.inForceOn(today) && judged.status() != Status.WAIVED) {
                        judged = waived(finding, waiver);
                    } else if (!waiver.inForceOn(today) && judged.status() != Status.WAIVED) {
                        judged = withEvidence(judged, "expired_waiver",
                                "expired " + waiver.expires() + " (approved by " + waiver.approver() + ": " + waiver.reason() + ")");
                    }
                }
            }
            result.add(judged);
        }
        List<WaiverOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < waivers.size(); i++) {
            outcomes.add(new WaiverOutcome(i, waivers.get(i), !waivers.get(i).inForceOn(today), matched[i]));
        }
        return new Applied(result, outcomes);
    }

    private static Finding waived(Finding finding, Waiver waiver) {
        Map<String, Object> evidence = new LinkedHashMap<>(finding.evidence());
        evidence.remove("expired_waiver");
        evidence.put("waived_status", finding.status().name());
        evidence.put("waiver_reason", waiver.reason());
        evidence.put("waiver_approver", waiver.approver());
        evidence.put("waiver_expires", waiver.expires().toString());
        return finding.withJudgement(Status.WAIVED, evidence);
    }

    private static Finding withEvidence(Finding finding, String key, String value) {
        Map<String, Object> evidence = new LinkedHashMap<>(finding.evidence());
        evidence.put(key, value);
        return finding.withJudgement(finding.status(), evidence);
    }
}
