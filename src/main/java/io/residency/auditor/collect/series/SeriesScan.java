package io.residency.auditor.collect.series;

import io.residency.auditor.facts.SeriesLabelFact;
import io.residency.auditor.facts.SeriesScanFact;
import java.util.List;

/** The scan of one region: how it went and the labels found carrying personal data. */
public record SeriesScan(SeriesScanFact scan, List<SeriesLabelFact> labels) {

    public SeriesScan {
        labels = List.copyOf(labels);
    }
}
