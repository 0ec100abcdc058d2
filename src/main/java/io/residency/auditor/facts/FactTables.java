package io.residency.auditor.facts;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tables that hold what a run collected and the run's own scope rows the controls join on, in
 * foreign-key order, each with its natural key: exported to a bundle's {@code facts/} and imported
 * back for a re-performance.
 */
public final class FactTables {

    /** A table and the columns that order its rows (its primary key). */
    public record Table(String name, List<String> key) {
        public String file() {
            return name + ".jsonl";
        }
    }

    /** Parents before children, so an import never breaks a foreign key. */
    public static final List<Table> ALL = List.of(
            new Table("audit_run", List.of("run_id")),
            new Table("run_scope", List.of("run_id")),
            new Table("run_region", List.of("run_id", "region")),
            new Table("run_jurisdiction_region", List.of("run_id", "region")),
            new Table("run_retention_rule", List.of("run_id", "jurisdiction", "framework")),
            new Table("run_residency_rule", List.of("run_id", "jurisdiction", "framework", "rule_kind", "data_class")),
            new Table("run_tenant", List.of("run_id", "tenant_id")),
            new Table("source_fact", List.of("run_id", "source_id")),
            new Table("storage_fact", List.of("run_id", "source_id", "config_path", "bucket")),
            new Table("egress_fact", List.of("run_id", "source_id", "config_path", "endpoint", "data_class")),
            new Table("retention_fact", List.of("run_id", "source_id", "config_path", "tenant", "scope")),
            new Table("otel_dimension_fact", List.of("run_id", "source_id", "config_path")),
            new Table("otel_processor_fact", List.of("run_id", "source_id", "config_path")),
            new Table("prometheus_external_labels_fact", List.of("run_id", "source_id")),
            new Table("bucket_fact", List.of("run_id", "bucket")),
            new Table("replication_rule_fact", List.of("run_id", "bucket", "rule_id")),
            new Table("series_scan_fact", List.of("run_id", "region")),
            new Table("series_label_fact", List.of("run_id", "region", "label", "detector")),
            new Table("querier_topology_fact", List.of("run_id")),
            new Table("querier_store_fact", List.of("run_id", "ordinal")),
            new Table("querier_series_region_fact", List.of("run_id", "region")));

    private static final Map<String, Table> BY_FILE = Map.copyOf(ALL.stream()
            .collect(java.util.stream.Collectors.toMap(Table::file, t -> t)));

    private FactTables() {
    }

    /** Only these names ever reach SQL: a bundle's file names are not trusted. */
    public static Optional<Table> byFile(String file) {
        return Optional.ofNullable(BY_FILE.get(file));
    }
}
