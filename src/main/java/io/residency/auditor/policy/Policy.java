package io.residency.auditor.policy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;

/** The residency table as data: which regions form each jurisdiction and which rules bind them. */
public record Policy(
        @NotNull(message = "expected the policy format version, 1") Integer version,
        @NotEmpty(message = "expected at least one jurisdiction")
        Map<@Pattern(regexp = "[A-Za-z][A-Za-z0-9_-]*", message = "expected a jurisdiction name of letters, digits, - or _") String,
                @NotNull @Valid Jurisdiction> jurisdictions,
        @NotEmpty(message = "expected the data classes (logs, traces, metrics-raw, metrics-aggregate)")
        Map<String, @NotNull @Valid DataClass> dataClasses,
        @NotEmpty(message = "expected the rules of at least one framework")
        Map<String, @NotNull @Valid FrameworkRules> frameworks,
        @Valid PiiDetection pii,
        ExceptionRules exceptions) {

    public static final String CLOUD_REGION = "[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]{1,2}";

    public Policy {
        exceptions = exceptions == null ? ExceptionRules.DEFAULT : exceptions;
    }

    /** A policy that sets no rules for exceptions: the defaults apply. */
    public Policy(Integer version, Map<String, Jurisdiction> jurisdictions, Map<String, DataClass> dataClasses,
                  Map<String, FrameworkRules> frameworks, PiiDetection pii) {
        this(version, jurisdictions, dataClasses, frameworks, pii, null);
    }

    /** The jurisdictions inside the European Economic Area, sorted: a flow between two of them is no GDPR transfer. */
    public java.util.SortedSet<String> eeaJurisdictions() {
        java.util.SortedSet<String> eea = new java.util.TreeSet<>();
        jurisdictions.forEach((name, jurisdiction) -> {
            if (jurisdiction.inEea()) {
                eea.add(name);
            }
        });
        return eea;
    }

    public List<String> frameworksOf(String jurisdiction) {
        Jurisdiction found = jurisdictions.get(jurisdiction);
        return found == null ? List.of() : found.frameworks();
    }
}
