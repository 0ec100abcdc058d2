package io.residency.auditor.collect.config;

/**
 * A config read from a cluster.
 *
 * @param content  the data key's value (a Secret's decoded), or the whole resource as YAML: the
 *                 document the kind parses and findings' lines point into
 * @param location where it was read, with the data key chosen ({@code k8s://eu-prod/logging/configmap/loki#config.yaml})
 */
public record ClusterDocument(byte[] content, String location) {
}
