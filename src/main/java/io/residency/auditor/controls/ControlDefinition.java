package io.residency.auditor.controls;

import io.residency.auditor.findings.Severity;
import java.util.Collections;
import java.util.LinkedHashMap;
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

    public ControlDefinition {
        // Read-only, in the catalog's order: one catalog serves every part of a run (ControlCatalog.load).
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
