package io.residency.auditor.collect.config;

/** Reads one kind of configuration (Loki, Tempo, OTel Collector, ...) into storage, egress and retention facts. */
public interface ConfigParser {

    ParsedConfig parse(ConfigTree config, ParseContext context);
}
