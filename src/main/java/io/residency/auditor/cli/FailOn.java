package io.residency.auditor.cli;

import io.residency.auditor.findings.Severity;
import java.util.Map;

/**
 * The threshold of {@code --fail-on}: a severity, or {@code none}. FAIL and UNVERIFIED findings
 * at or above it fail the command: what could not be verified is never treated as passing.
 */
public record FailOn(Severity threshold) {

    public static final FailOn NONE = new FailOn(null);

    public static FailOn parse(String value) {
        return "none".equals(value) ? NONE : new FailOn(Severity.parse(value));
    }

    /** Lets picocli report a bad level as a usage error (exit 2). */
    public static final class Converter implements picocli.CommandLine.ITypeConverter<FailOn> {
        @Override
        public FailOn convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage() + ", none");
            }
        }
    }

    /** How many FAIL and UNVERIFIED findings are at or above the threshold, from their counts by severity. */
    public long failingCount(Map<Severity, Long> problemsBySeverity) {
        if (threshold == null) {
            return 0;
        }
        return problemsBySeverity.entrySet().stream().filter(e -> e.getKey().isAtLeast(threshold)).mapToLong(Map.Entry::getValue).sum();
    }

    @Override
    public String toString() {
        return threshold == null ? "none" : threshold.label();
    }
}
