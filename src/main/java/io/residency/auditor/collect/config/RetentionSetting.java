package io.residency.auditor.collect.config;

/**
 * How long a component keeps data for a tenant or stream.
 *
 * @param tenant   the tenant, or {@code *} for the default
 * @param scope    {@code tenant}, or {@code stream <selector>} for a per-stream rule
 * @param hours    the retention in hours; {@code null} when data is kept without limit
 * @param enforced whether anything deletes data after that time (Loki: compactor.retention_enabled)
 */
public record RetentionSetting(String configPath, String tenant, String scope, Long hours, boolean enforced) {
}
