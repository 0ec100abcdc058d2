package io.residency.auditor.collect.config;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One kind of source an estate can name ({@code kind: loki}): everything the auditor knows about it
 * lives in its implementation, and {@link SourceKinds#registered()} lists them all, as the
 * OpenTelemetry Collector registers one factory per component type.
 */
public interface SourceKind {

    /** The estate's {@code kind:} value, e.g. {@code loki}. */
    String name();

    /** Every data class its facts carry, storage and flows alike; at least one, and never a default. */
    Set<DataClassName> dataClasses();

    /**
     * What its storage facts hold (Loki: logs); empty for a kind whose config only moves data, whose
     * facts are then all flows. A kind that reports storage without declaring this is a bug, not logs.
     */
    Optional<DataClassName> storedDataClass();

    /** The ConfigMap/Secret data keys its charts use for the config, most likely first (after config.yaml). */
    List<String> configMapKeys();

    /** The config fields that carry its destinations (stores, exporters, remote writes, data sources). */
    List<String> destinationFields();

    /** Reads one configuration of this kind; a value of the wrong shape throws {@link ConfigShapeException}. */
    ParsedConfig parse(ConfigTree config, ParseContext context);
}
