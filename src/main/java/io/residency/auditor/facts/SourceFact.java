package io.residency.auditor.facts;

/**
 * One source of the estate as the run found it. {@code location} and {@code reason} never hold
 * secrets: collectors redact before building this.
 */
public record SourceFact(String sourceId, String region, String kind, String location,
                         SourceStatus status, String reason, String contentSha256) {
}
