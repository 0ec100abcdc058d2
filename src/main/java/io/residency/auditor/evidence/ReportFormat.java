package io.residency.auditor.evidence;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The reports a bundle can hold, named as {@code --format} names them. Only the formats asked for are
 * rendered; findings.json (the bundle's record, which verify and rejudge read), the manifest, inputs,
 * facts and controls are always written, so asking for {@code json} changes nothing.
 */
public enum ReportFormat {
    JSON, CSV, PDF, SARIF, JUNIT, OCSF;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every format, as {@code audit} renders by default. */
    public static String all() {
        return Arrays.stream(values()).map(ReportFormat::label).collect(Collectors.joining(","));
    }

    /** @throws IllegalArgumentException naming the unknown format and the known ones */
    public static ReportFormat parse(String label) {
        return Arrays.stream(values()).filter(f -> f.label().equals(label.strip().toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--format " + label + " is unknown; expected one of " + all()));
    }

    /** The labels of the formats given, validated and sorted, as a run records them. */
    public static Set<String> labels(List<String> labels) {
        return labels.stream().map(ReportFormat::parse).map(ReportFormat::label).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The formats a run recorded by their labels. */
    public static Set<ReportFormat> of(Collection<String> labels) {
        return labels.stream().map(ReportFormat::parse).collect(Collectors.toCollection(() -> EnumSet.noneOf(ReportFormat.class)));
    }
}
