package io.residency.auditor.findings;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import org.springframework.util.PatternMatchUtils;

/**
 * An accepted risk: findings of one control on matching resources are WAIVED until the expiry
 * date, with the reason and who approved it kept as evidence.
 *
 * @param resource    a glob (with {@code *}) over finding resources; or
 * @param fingerprint one finding's fingerprint
 * @param expires     the last day the waiver applies
 */
public record Waiver(
        @NotBlank(message = "expected the control id, e.g. RES-EGRESS") String control,
        String resource,
        @Pattern(regexp = "[0-9a-f]{32}", message = "expected a finding fingerprint (32 hex digits)") String fingerprint,
        @NotBlank(message = "expected the reason the risk is accepted") String reason,
        @NotBlank(message = "expected who approved the waiver") String approver,
        @NotNull(message = "expected an expiry date such as 2027-03-31") LocalDate expires) {

    @AssertTrue(message = "expected exactly one of 'resource' (a pattern) or 'fingerprint'")
    public boolean isResourceOrFingerprint() {
        return (resource == null) != (fingerprint == null);
    }

    public boolean covers(Finding finding) {
        if (!control.equals(finding.controlId())) {
            return false;
        }
        return fingerprint != null ? fingerprint.equals(finding.fingerprint()) : PatternMatchUtils.simpleMatch(resource, finding.resource());
    }

    public boolean inForceOn(LocalDate day) {
        return !day.isAfter(expires);
    }
}
