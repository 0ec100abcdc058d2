package io.residency.auditor.findings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** The waivers file: {@code waivers: [...]}. */
public record WaiverFile(@NotNull(message = "expected a list of waivers") List<@NotNull @Valid Waiver> waivers) {
}
