package io.residency.auditor.estate;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;

/**
 * Where one configuration is read from: a file (relative to the estate file) or a live URL.
 * The kind stays a plain string: an unknown kind is a finding about that source, not a reason
 * to stop the whole audit.
 */
public record SourceSpec(
        String id,
        @NotBlank(message = "expected a source kind: loki, tempo, otel-collector, prometheus, thanos-objstore or grafana-datasources") String kind,
        String file,
        String url,
        String format) {

    @AssertTrue(message = "expected exactly one of 'file' or 'url'")
    public boolean isFileOrUrl() {
        return (file == null) != (url == null);
    }

    public String formatOrDefault() {
        return format == null ? "raw" : format;
    }
}
