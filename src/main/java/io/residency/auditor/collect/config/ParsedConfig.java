package io.residency.auditor.collect.config;

import java.util.List;

/** What a parser found in one configuration. */
public record ParsedConfig(List<StorageLocation> storage, List<EgressTarget> egress, List<RetentionSetting> retention) {

    public ParsedConfig {
        storage = List.copyOf(storage);
        egress = List.copyOf(egress);
        retention = List.copyOf(retention);
    }
}
