package io.residency.auditor.collect.config;

/**
 * A config read from a component's own API, handed to its kind's parser as if it were the file.
 *
 * @param document the config document: Prometheus's loaded YAML, or Grafana's data sources in the
 *                 provisioning shape with every secret field left out
 * @param origin   which endpoints it came from, for the source's location and messages
 */
public record ApiDocument(byte[] document, String origin) {
}
