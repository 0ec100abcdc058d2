package io.residency.auditor.controls;

import io.residency.auditor.findings.Severity;
import java.util.Map;

/**
 * A control's metadata and its query, as auditors read them in the evidence.
 *
 * Which framework provisions it supports is said by the framework files ({@link FrameworkCatalog}), not here.
 *
 * @param parameters named values the query receives besides :runId
 */
public record ControlDefinition(String id, String title, Severity severity, Map<String, String> parameters,
                                String rationale, String remediation,
                                String queryFile, String query) {
}
