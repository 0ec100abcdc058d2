package io.residency.auditor.collect.config;

/**
 * A parsed configuration.
 *
 * @param sha256  of the source bytes as fetched
 * @param content the text the tree was parsed from, to find lines in; {@code null} when the tree
 *                was translated (Helm values), where lines of the file do not map to config paths
 * @param origin  where inside the source the config was, e.g. "key config.yaml of ConfigMap loki"; empty for raw files
 */
public record ConfigDocument(ConfigTree root, String sha256, byte[] content, String origin) {
}
