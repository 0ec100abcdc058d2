package io.residency.auditor.controls;

import java.util.List;

/**
 * A framework as its data file defines it.
 *
 * @param reportFile  the stem of its report files: {@code <reportFile>-findings.csv}, {@code <reportFile>-evidence.pdf}
 * @param reportTitle the title of its PDF report
 */
public record Framework(String id, String name, String source, String reportFile, String reportTitle, List<Provision> provisions) {

    public Framework {
        provisions = List.copyOf(provisions);
    }

    /** The provisions the control supports, in the framework file's order. */
    public List<String> refsOf(String controlId) {
        return provisions.stream().filter(p -> p.controls().contains(controlId)).map(Provision::ref).toList();
    }

    public boolean maps(String controlId) {
        return provisions.stream().anyMatch(p -> p.controls().contains(controlId));
    }
}
