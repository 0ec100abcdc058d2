package io.residency.auditor.controls;

import java.util.List;

/**
 * One article or section of a framework, why it bears on data residency, and the controls that support it.
 *
 * @param controls control ids, as the framework file lists them
 */
public record Provision(String framework, String ref, String title, String why, List<String> controls) {

    public Provision {
        controls = List.copyOf(controls);
    }
}
