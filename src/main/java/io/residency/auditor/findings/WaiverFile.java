package io.residency.auditor.findings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** The exceptions register file: {@code exceptions: [...]}, or {@code waivers: [...]} as the first files named it. */
public record WaiverFile(List<@NotNull @Valid Waiver> waivers, List<@NotNull @Valid Waiver> exceptions) {

    @AssertTrue(message = "expected a list of exceptions under 'exceptions:' (or 'waivers:', not both)")
    public boolean isOneList() {
        return (waivers == null) != (exceptions == null);
    }

    /** The entries, in file order. */
    public List<Waiver> entries() {
        return waivers != null ? waivers : exceptions;
    }

    /** The key the entries are under, for error places. */
    public String key() {
        return waivers != null ? "waivers" : "exceptions";
    }
}
