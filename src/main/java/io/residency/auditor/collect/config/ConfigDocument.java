package io.residency.auditor.collect.config;

/**
 * A parsed configuration.
 *
 * @param sha256  of the source bytes as fetched
 * @param content the text the tree was parsed from; {@code null} when the tree was translated (Helm
 *                values, several files merged)
 * @param origin  where inside the source the config was, e.g. "key config.yaml of ConfigMap loki"; empty for raw files
 * @param lines   where each config path is in the source file, for findings and errors
 * @param inClusterStores S3 endpoints (host:port) that the chart itself deploys in the cluster (its MinIO subchart)
 */
public record ConfigDocument(ConfigTree root, String sha256, byte[] content, String origin, ConfigLines lines,
                             java.util.Set<String> inClusterStores) {

    public ConfigDocument {
        inClusterStores = java.util.Set.copyOf(inClusterStores);
    }

    /** A raw file's lines are its own; a document from elsewhere has none unless it says so. */
    public ConfigDocument(ConfigTree root, String sha256, byte[] content, String origin) {
        this(root, sha256, content, origin, content != null && origin.isEmpty() ? ConfigLines.yaml(content, 0) : ConfigLines.none(),
                java.util.Set.of());
    }
}
