package io.residency.auditor.collect.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table of source kinds: the only place a kind is registered. Adding a kind is one unit class
 * and one line in {@link #registered()}. The table refuses, when built, a kind that declares no
 * data class or stores a class it does not declare, so a kind cannot fall back to a default.
 */
public final class SourceKinds {

    private final Map<String, SourceKind> byName = new LinkedHashMap<>();

    public SourceKinds(List<SourceKind> kinds) {
        for (SourceKind kind : kinds) {
            if (kind.dataClasses() == null || kind.dataClasses().isEmpty()) {
                throw new IllegalStateException("source kind " + kind.name() + " declares no data class");
            }
            if (kind.storedDataClass().filter(stored -> !kind.dataClasses().contains(stored)).isPresent()) {
                throw new IllegalStateException("source kind " + kind.name() + " stores " + kind.storedDataClass().get()
                        + ", which is not among its declared data classes " + kind.dataClasses());
            }
            if (byName.putIfAbsent(kind.name(), kind) != null) {
                throw new IllegalStateException("source kind " + kind.name() + " is registered twice");
            }
        }
    }

    /** Every kind the auditor reads. */
    public static SourceKinds registered() {
        return new SourceKinds(List.of(
                new LokiKind(),
                new TempoKind(),
                new OtelCollectorKind(),
                new PrometheusKind(),
                new GrafanaDatasourcesKind(),
                new ThanosObjstoreKind()));
    }

    /** In registration order. */
    public List<SourceKind> all() {
        return List.copyOf(byName.values());
    }

    /** The names an estate may use, sorted, for messages and for the estate loader's check. */
    public List<String> names() {
        return byName.keySet().stream().sorted().toList();
    }

    /** The kind of this name; an unknown name is refused, never mapped to a default kind. */
    public SourceKind get(String name) {
        SourceKind kind = byName.get(name);
        if (kind == null) {
            throw new IllegalArgumentException("unknown source kind '" + name + "'; expected one of " + names());
        }
        return kind;
    }

    /** The data class of a kind's storage facts; a kind that declares none has none, never "logs". */
    public DataClassName storedDataClassOf(String name) {
        SourceKind kind = get(name);
        return kind.storedDataClass().orElseThrow(() -> new IllegalStateException(
                "source kind " + name + " declares no stored data class, so it cannot report storage"));
    }
}
