package io.residency.auditor.controls;

import io.residency.auditor.facts.RunMode;
import io.residency.auditor.facts.RunScope;
import io.residency.auditor.facts.RunScopeRepository;
import io.residency.auditor.findings.NotTested;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one place that decides what a run could not test, from its recorded mode, regions, rules and
 * facts: checks the mode skipped (offline, no {@code aws} section, no querier) and rules that no
 * source in scope could test (an EU region without a Loki source). Like every control it reads
 * facts only; a region without any source is a RES-SOURCE finding, not decided here.
 */
@Component
public class NotTestedChecks {

    private static final String COLLECTOR_KIND = "otel-collector";
    private static final Set<String> EGRESS_KINDS = Set.of(COLLECTOR_KIND, "prometheus");

    private final JdbcClient jdbc;
    private final RunScopeRepository scopes;

    public NotTestedChecks(JdbcClient jdbc, RunScopeRepository scopes) {
        this.jdbc = jdbc;
        this.scopes = scopes;
    }

    /** Sorted by control and region, so the same run gives the same list. */
    public List<NotTested> notTested(String runId) {
        RunScope scope = scopes.scope(runId);
        if (scope == null) {
            return List.of();
        }
        List<NotTested> entries = new ArrayList<>(skippedByMode(runId, scope.mode()));
        entries.addAll(untestableRules(runId, scope.regions()));
        entries.sort(Comparator.comparing(NotTested::control).thenComparing(NotTested::region));
        return List.copyOf(entries);
    }

    private List<NotTested> skippedByMode(String runId, RunMode mode) {
        List<NotTested> entries = new ArrayList<>();
        if (!mode.bucketsInspected()) {
            String why = mode.offline() ? "offline run: S3 was not asked" : "the estate has no aws section: S3 was not asked";
            entries.add(new NotTested("RES-BUCKET-LOCATION", NotTested.WHOLE_RUN, why + " where the buckets really are"));
            entries.add(new NotTested("RES-BUCKET-REPLICATION", NotTested.WHOLE_RUN, why + " for the buckets' replication rules"));
            if (anySoxTenant(runId)) {
                entries.add(new NotTested("RES-SOX-RETENTION", NotTested.WHOLE_RUN,
                        why + " what the buckets' lifecycle rules delete and whether Object Lock protects SOX tenants' logs"));
            }
        }
        if (!mode.seriesScanned() && anyRule(runId, "federation")) {
            entries.add(new NotTested("RES-METRICS-PII", NotTested.WHOLE_RUN, mode.offline()
                    ? "offline run: the series federated to the central querier were not scanned"
                    : "the estate names no central Thanos Querier (central.thanos): federated series were not scanned"));
        }
        if (!mode.seriesScanned()) {
            // Whether or not a federation rule applies: the querier's own setup was not asked.
            String why = mode.offline() ? "offline" : "the estate names no Thanos Querier";
            entries.add(new NotTested("RES-THANOS-DEDUP", NotTested.WHOLE_RUN, why + ": the querier's replica labels were not read"));
            entries.add(new NotTested("RES-THANOS-STORES", NotTested.WHOLE_RUN, why + ": the querier's store APIs were not read"));
        }
        if (mode.offline()) {
            // Live sources are recorded as unread (RES-SOURCE UNVERIFIED); list them here too, with why.
            Map<String, Set<String>> liveByRegion = new TreeMap<>();
            jdbc.sql("""
                            SELECT region, source_id FROM source_fact
                            WHERE run_id = ? AND status = 'ERROR' AND (location LIKE 'http://%' OR location LIKE 'https://%' OR location LIKE 'k8s://%')""")
                    .param(runId)
                    .query((row, index) -> liveByRegion.computeIfAbsent(row.getString(1), r -> new TreeSet<>()).add(row.getString(2)))
                    .list();
            liveByRegion.forEach((region, ids) -> entries.add(new NotTested("RES-SOURCE", region,
                    "offline run: live source" + (ids.size() == 1 ? " " : "s ") + String.join(", ", ids) + " not read")));
        }
        return entries;
    }

    private List<NotTested> untestableRules(String runId, List<String> regions) {
        Map<String, Set<String>> kindsByRegion = new TreeMap<>();
        jdbc.sql("SELECT region, kind FROM source_fact WHERE run_id = ?")
                .param(runId)
                .query((row, index) -> kindsByRegion.computeIfAbsent(row.getString(1), r -> new HashSet<>()).add(row.getString(2)))
                .list();
        Set<String> retentionRegions = new HashSet<>(jdbc.sql("SELECT DISTINCT region FROM retention_fact WHERE run_id = ? AND component = 'loki'")
                .param(runId).query(String.class).list());
        Set<String> soxHomes = new HashSet<>(jdbc.sql("""
                        SELECT DISTINCT t.home_region FROM run_tenant t
                        JOIN run_jurisdiction_region j ON j.run_id = t.run_id AND j.region = t.home_region
                        JOIN run_retention_rule rule ON rule.run_id = t.run_id AND rule.jurisdiction = j.jurisdiction
                        WHERE t.run_id = ? AND t.sox = TRUE""")
                .param(runId).query(String.class).list());
        List<NotTested> entries = new ArrayList<>();
        for (String region : regions) {
            Set<String> kinds = kindsByRegion.getOrDefault(region, Set.of());
            Set<String> stored = storageClasses(runId, region);
            if (stored.contains("logs") && !kinds.contains("loki")) {
                entries.add(new NotTested("RES-LOKI-STORAGE", region,
                        "no Loki source in " + region + ": where its logs are stored was not tested"));
            }
            if (stored.contains("traces") && !kinds.contains("tempo")) {
                entries.add(new NotTested("RES-TEMPO-STORAGE", region,
                        "no Tempo source in " + region + ": where its traces are stored was not tested"));
            }
            if (!stored.isEmpty() && kinds.stream().noneMatch(EGRESS_KINDS::contains)) {
                entries.add(new NotTested("RES-EGRESS", region, "no OpenTelemetry Collector or Prometheus source in " + region
                        + ": where it sends logs, traces and metrics was not tested"));
            }
            if (!kinds.contains(COLLECTOR_KIND)) {
                Set<String> rules = ruleKindsAndFrameworks(runId, region);
                if (rules.contains("federation")) {
                    entries.add(new NotTested("RES-OTEL-PII-DIMENSIONS", region, "no OpenTelemetry Collector source in " + region
                            + ": which attributes its connectors copy into metrics was not tested"));
                }
                if (rules.contains("GDPR")) {
                    entries.add(new NotTested("RES-OTEL-REDACTION", region, "no OpenTelemetry Collector source in " + region
                            + ": whether its collectors' redaction fails closed was not tested"));
                }
            }
            if (soxHomes.contains(region) && !retentionRegions.contains(region)) {
                entries.add(new NotTested("RES-SOX-RETENTION", region,
                        "SOX tenants live in " + region + " but no Loki retention setting of it was read"));
            }
        }
        return entries;
    }

    /** The rule kinds (storage, federation, ...) and the frameworks (upper case) of a region's jurisdiction. */
    private Set<String> ruleKindsAndFrameworks(String runId, String region) {
        Set<String> found = new HashSet<>();
        jdbc.sql("""
                        SELECT DISTINCT rule.rule_kind, rule.framework FROM run_jurisdiction_region j
                        JOIN run_residency_rule rule ON rule.run_id = j.run_id AND rule.jurisdiction = j.jurisdiction
                        WHERE j.run_id = ? AND j.region = ?""")
                .params(runId, region)
                .query((row, index) -> {
                    found.add(row.getString(1));
                    found.add(row.getString(2).toUpperCase(java.util.Locale.ROOT));
                    return null;
                })
                .list();
        return found;
    }

    /** The data classes that the jurisdiction of a region must keep inside it. */
    private Set<String> storageClasses(String runId, String region) {
        return new HashSet<>(jdbc.sql("""
                        SELECT DISTINCT rule.data_class FROM run_jurisdiction_region j
                        JOIN run_residency_rule rule ON rule.run_id = j.run_id AND rule.jurisdiction = j.jurisdiction
                        WHERE j.run_id = ? AND j.region = ? AND rule.rule_kind = 'storage'""")
                .params(runId, region).query(String.class).list());
    }

    private boolean anySoxTenant(String runId) {
        return jdbc.sql("SELECT COUNT(*) FROM run_tenant WHERE run_id = ? AND sox = TRUE").param(runId).query(Long.class).single() > 0;
    }

    private boolean anyRule(String runId, String kind) {
        return jdbc.sql("SELECT COUNT(*) FROM run_residency_rule WHERE run_id = ? AND rule_kind = ?")
                .params(runId, kind).query(Long.class).single() > 0;
    }
}
