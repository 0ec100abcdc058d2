package io.residency.auditor.findings;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.springframework.util.PatternMatchUtils;

/**
 * One exception of the register (an entry of the waivers file): an accepted risk or a recorded legal
 * basis. While in force it turns the covered findings of one control on matching resources into
 * WAIVED ("FAIL - excepted (id)"), keeping the original status and the justification as evidence.
 * The fields of the first waivers files keep their meaning; every later one is optional.
 *
 * @param id                  the register's id (EX-12); absent: {@code waiver-<n>}, n its position in the file
 * @param control             the control it excepts
 * @param framework           the framework whose report lists it; absent: GDPR with a legal basis, else the
 *                            frameworks of the findings it matches (or that map its control)
 * @param resource            a glob (with {@code *}) over finding resources; or
 * @param fingerprint         one finding's fingerprint
 * @param reason              why the risk is accepted (the first files' only justification)
 * @param legalBasis          a GDPR Chapter V basis: adequacy, DPF, SCC or BCR
 * @param legalBasisReference the decision, contract or rules relied on
 * @param compensatingControl what reduces the risk meanwhile
 * @param riskOwner           who owns the risk; absent: the approver
 * @param approver            who approved it
 * @param approvalDate        when; absent: the term runs from the day the file is loaded
 * @param expires             the last day it applies
 * @param ticket              where it is tracked
 * @param covers              the statuses it excepts; absent: FAIL only
 */
public record Waiver(
        @Size(max = 64, message = "expected an id of at most 64 characters, e.g. EX-12")
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "expected an id of letters, digits, '.', '_' or '-', e.g. EX-12") String id,
        @NotBlank(message = "expected the control id, e.g. RES-EGRESS") String control,
        @Pattern(regexp = "[A-Za-z][A-Za-z0-9_-]{0,31}", message = "expected a framework id, e.g. GDPR") String framework,
        @Size(max = 1024, message = "expected a pattern of at most 1024 characters") String resource,
        @Pattern(regexp = "[0-9a-f]{32}", message = "expected a finding fingerprint (32 hex digits)") String fingerprint,
        @Size(max = 2048, message = "expected a reason of at most 2048 characters") String reason,
        @Size(max = 32, message = "expected one of adequacy, DPF, SCC, BCR") String legalBasis,
        @Size(max = 512, message = "expected a reference of at most 512 characters") String legalBasisReference,
        @Size(max = 2048, message = "expected a compensating control of at most 2048 characters") String compensatingControl,
        @Size(max = 256, message = "expected a risk owner of at most 256 characters") String riskOwner,
        @NotBlank(message = "expected who approved the waiver")
        @Size(max = 256, message = "expected an approver of at most 256 characters") String approver,
        LocalDate approvalDate,
        @NotNull(message = "expected an expiry date such as 2027-03-31") LocalDate expires,
        @Size(max = 128, message = "expected a ticket of at most 128 characters") String ticket,
        List<Status> covers) {

    /** The statuses an exception covers unless it says otherwise. */
    public static final List<Status> DEFAULT_COVERS = List.of(Status.FAIL);

    public Waiver {
        covers = covers == null || covers.isEmpty() ? DEFAULT_COVERS : List.copyOf(covers);
    }

    /** The first files' form: a waiver with its reason, approver and expiry. */
    public Waiver(String control, String resource, String fingerprint, String reason, String approver, LocalDate expires) {
        this(null, control, null, resource, fingerprint, reason, null, null, null, null, approver, null, expires, null, null);
    }

    @AssertTrue(message = "expected exactly one of 'resource' (a pattern) or 'fingerprint'")
    public boolean isResourceOrFingerprint() {
        return (resource == null) != (fingerprint == null);
    }

    /** Whether a reason, a legal basis or a compensating control says why the risk is accepted. */
    public boolean isJustified() {
        return !blank(reason) || !blank(legalBasis) || !blank(compensatingControl);
    }

    /** The same exception under its register id. */
    public Waiver withId(String registerId) {
        return new Waiver(registerId, control, framework, resource, fingerprint, reason, legalBasis, legalBasisReference,
                compensatingControl, riskOwner, approver, approvalDate, expires, ticket, covers);
    }

    /** The legal basis, canonically spelt (SCC, not scc); {@code null} for none. */
    public LegalBasis basis() {
        return blank(legalBasis) ? null : LegalBasis.parse(legalBasis).orElse(null);
    }

    public String owner() {
        return blank(riskOwner) ? approver : riskOwner;
    }

    /** The justification in one line: the reason, the legal basis and the compensating control, as given. */
    public String justification() {
        StringBuilder text = new StringBuilder();
        if (basis() != null) {
            text.append("legal basis ").append(basis().label()).append(" (").append(basis().article()).append("): ").append(legalBasisReference);
        }
        if (!blank(compensatingControl)) {
            text.append(text.isEmpty() ? "" : "; ").append("compensating control: ").append(compensatingControl);
        }
        if (!blank(reason)) {
            text.append(text.isEmpty() ? "" : "; ").append(reason);
        }
        return text.toString();
    }

    /** Whether the exception excepts this finding: its control, its resource, its status and, when named, its framework. */
    public boolean covers(Finding finding) {
        return matches(finding) && covers.contains(finding.status());
    }

    /** Whether the exception names this finding (control, resource, framework), whatever its status. */
    public boolean matches(Finding finding) {
        if (!control.equals(finding.controlId()) || (framework != null && !finding.frameworks().contains(framework))) {
            return false;
        }
        return fingerprint != null ? fingerprint.equals(finding.fingerprint()) : PatternMatchUtils.simpleMatch(resource, finding.resource());
    }

    public boolean inForceOn(LocalDate day) {
        return !day.isAfter(expires);
    }

    /** The register id; the loader gives every exception one. */
    public String registerId() {
        return Objects.requireNonNull(id, "the loader names every exception");
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
