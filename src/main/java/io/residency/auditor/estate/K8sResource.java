package io.residency.auditor.estate;

/**
 * A custom resource read whole, such as the OpenTelemetry Operator's
 * {@code {apiVersion: opentelemetry.io/v1beta1, kind: OpenTelemetryCollector, name: x}}.
 */
public record K8sResource(String apiVersion, String kind, String name) {
}
