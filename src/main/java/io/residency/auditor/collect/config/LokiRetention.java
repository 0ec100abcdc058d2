package io.residency.auditor.collect.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How long a Loki configuration keeps logs, wherever Loki lets it be said: the compactor's retention
 * ({@code limits_config.retention_period} and {@code retention_stream}, enforced only with
 * {@code compactor.retention_enabled}), per-tenant runtime overrides ({@code overrides:}, the
 * runtime config file, given as a further file of the source), and the legacy
 * {@code table_manager} retention ({@code retention_deletes_enabled}, {@code retention_period}),
 * which deletes whole index tables for every tenant.
 */
final class LokiRetention {

    /** The scope of the table manager's retention: every tenant at once, whatever the overrides say. */
    static final String TABLE_MANAGER_SCOPE = "table_manager";
    /**
     * Marks per-tenant overrides that Loki reads from {@code runtime_config.file}, a file this source
     * does not hold: a SOX tenant's retention is then unknown (UNVERIFIED), never the default's.
     */
    static final String RUNTIME_FILE_SCOPE = "runtime_config";

    private LokiRetention() {
    }

    static List<RetentionSetting> of(ConfigTree config) {
        boolean enforced = config.child("compactor").flag("retention_enabled");
        List<RetentionSetting> settings = new ArrayList<>();
        ConfigTree limits = config.child("limits_config");
        settings.add(new RetentionSetting(limits.pathText() + ".retention_period", "*", "tenant",
                hoursOrUnlimited(limits, "retention_period"), enforced));
        streams(limits, "*", enforced, settings);
        config.child("overrides").entries().forEach((tenant, override) -> {
            if (override.isMapping() && override.text("retention_period").isPresent()) {
                settings.add(new RetentionSetting(override.pathText() + ".retention_period", tenant, "tenant",
                        hoursOrUnlimited(override, "retention_period"), enforced));
            }
            if (override.isMapping()) {
                streams(override, tenant, enforced, settings);
            }
        });
        ConfigTree runtimeFile = config.child("runtime_config");
        if (runtimeFile.text("file").isPresent() && !config.child("overrides").exists()) {
            settings.add(new RetentionSetting(runtimeFile.pathText() + ".file", "*", RUNTIME_FILE_SCOPE, null, enforced));
        }
        ConfigTree tableManager = config.child("table_manager");
        if (tableManager.exists()) {
            settings.add(new RetentionSetting(tableManager.pathText() + ".retention_period", "*", TABLE_MANAGER_SCOPE,
                    hoursOrUnlimited(tableManager, "retention_period"), tableManager.flag("retention_deletes_enabled")));
        }
        return settings;
    }

    private static void streams(ConfigTree limits, String tenant, boolean enforced, List<RetentionSetting> settings) {
        for (ConfigTree stream : limits.items("retention_stream")) {
            String selector = stream.text("selector").orElseThrow(() -> new ConfigShapeException(stream.path(), "expected a selector"));
            settings.add(new RetentionSetting(stream.pathText(), tenant, "stream " + selector, hoursOrUnlimited(stream, "period"), enforced));
        }
    }

    /** Loki's 0 means "no limit". */
    private static Long hoursOrUnlimited(ConfigTree block, String key) {
        Optional<String> value = block.text(key);
        if (value.isEmpty()) {
            return null;
        }
        long hours = Durations.hours(value.get(), block.at(key).path());
        return hours == 0 ? null : hours;
    }
}
