package io.residency.auditor.collect.config;

import io.residency.auditor.estate.VersionRange;
import java.util.Optional;

/**
 * One Helm chart whose values the auditor turns into the configuration the chart renders, as its
 * templates do. Modelled from the chart's templates (see the README's "Helm charts" section).
 */
interface HelmChart {

    /** e.g. {@code grafana/loki}. */
    String name();

    /** The source kind whose config it renders. */
    String kind();

    /** The chart versions whose templates this model follows. */
    VersionRange modelled();

    /** Why these values are not values of this chart (they set what another chart reads), or empty. */
    Optional<String> misfit(HelmValues values);

    /** The config the chart renders; a value the chart would refuse, or cannot be read, throws. */
    RenderedChart render(HelmValues values) throws SourceReadException;
}
