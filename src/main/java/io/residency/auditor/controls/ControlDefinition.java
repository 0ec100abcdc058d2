package io.residency.auditor.controls;

import io.residency.auditor.findings.Severity;
import java.util.List;
import java.util.Map;

/**
 * A control's metadata and its query, as auditors read them in the evidence.
 *
 * @param frameworks framework name → the articles or sections the control supports
 * @param parameters named values the query receives besides :runId
 */
public record ControlDefinition(String id, String title, Severity severity, Map<String, String> parameters,
                                Map<String, List<String>> frameworks, String rationale, String remediation,
                                String queryFile, String query) {
}
