package io.residency.auditor.collect.config;

import tools.jackson.databind.JsonNode;

/** A parsed configuration and the SHA-256 of the bytes it came from. */
public record ConfigDocument(JsonNode root, String sha256) {
}
