package io.residency.auditor.policy;

import jakarta.validation.constraints.NotNull;

/** A kind of telemetry (logs, traces, metrics-raw, metrics-aggregate) and whether it may hold personal data. */
public record DataClass(@NotNull(message = "expected true or false") Boolean personalData) {
}
