package io.residency.auditor.findings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Applies the exceptions register to a run's findings. A finding an exception in force covers
 * becomes WAIVED, keeping its original status, the exception id and the justification as
 * evidence; the first covering exception in file order wins. An exception that has expired changes
 * nothing, and the finding says it expired. An exception that names a finding whose status it does
 * not cover (UNVERIFIED without {@code covers: [FAIL, UNVERIFIED]}) leaves it as it is and says so.
 */
public final class Waivers {

    /** Evidence keys a WAIVED finding carries. */
    public static final String EXCEPTION_ID = "exception_id";
    public static final String WAIVED_STATUS = "waived_status";

    /** The findings after the register, and each exception's outcome. */
    public record Applied(List<Finding> findings, List<WaiverOutcome> outcomes) {
    }

    private Waivers() {
    }

    public static Applied apply(List<Finding> findings, List<Waiver> waivers, LocalDate today) {
        int[] matched = new int[waivers.size()];
        List<TreeSet<String>> frameworks = new ArrayList<>();
        waivers.forEach(w -> frameworks.add(new TreeSet<>()));
        List<Finding> result = new ArrayList<>();
        for (Finding finding : findings) {
            Finding judged = finding;
            if (finding.status().isProblem()) {
                for (int i = 0; i < waivers.size(); i++) {
                    Waiver waiver = waivers.get(i);
                    if (!waiver.matches(finding)) {
                        continue;
                    }
                    if (!waiver.covers(finding)) {
                        judged = withEvidence(judged, "exception_not_applied", waiver.registerId() + " covers " + waiver.covers()
                                + " only; this finding is " + finding.status() + " (add covers: [FAIL, UNVERIFIED] to except it)");
                        continue;
                    }
                    matched[i]++;
                    frameworks.get(i).addAll(finding.frameworks());
                    if (judged.status() == Status.WAIVED) {
                        continue;
                    }
                    if (waiver.inForceOn(today)) {
                        judged = waived(judged, waiver);
                    } else {
                        judged = withEvidence(judged, "expired_waiver", "expired " + waiver.expires() + " (" + waiver.registerId()
                                + ", approved by " + waiver.approver() + ": " + waiver.justification() + ")");
                    }
                }
            }
            result.add(judged);
        }
        List<WaiverOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < waivers.size(); i++) {
            Waiver waiver = waivers.get(i);
            List<String> listedUnder = waiver.framework() != null ? List.of(waiver.framework()) : List.copyOf(frameworks.get(i));
            outcomes.add(new WaiverOutcome(i, waiver, !waiver.inForceOn(today), matched[i], listedUnder));
        }
        return new Applied(result, outcomes);
    }

    private static Finding waived(Finding finding, Waiver waiver) {
        Map<String, Object> evidence = new LinkedHashMap<>(finding.evidence());
        evidence.remove("expired_waiver");
        evidence.remove("exception_not_applied");
        evidence.put(WAIVED_STATUS, finding.status().name());
        evidence.put(EXCEPTION_ID, waiver.registerId());
        evidence.put("waiver_reason", waiver.justification());
        evidence.put("waiver_approver", waiver.approver());
        evidence.put("waiver_expires", waiver.expires().toString());
        evidence.put("risk_owner", waiver.owner());
        if (waiver.basis() != null) {
            evidence.put("legal_basis", waiver.basis().label());
            evidence.put("legal_basis_reference", waiver.legalBasisReference());
        }
        if (waiver.compensatingControl() != null) {
            evidence.put("compensating_control", waiver.compensatingControl());
        }
        if (waiver.ticket() != null) {
            evidence.put("ticket", waiver.ticket());
        }
        return finding.withJudgement(Status.WAIVED, evidence);
    }

    private static Finding withEvidence(Finding finding, String key, String value) {
        Map<String, Object> evidence = new LinkedHashMap<>(finding.evidence());
        evidence.put(key, value);
        return finding.withJudgement(finding.status(), evidence);
    }
}
