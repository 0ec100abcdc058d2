package io.residency.auditor.input;

import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.dataformat.yaml.YAMLAnchorReplayingFactory;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The one YAML reader of the auditor (policy, estate, waivers, configs, manifests), with its limits
 * set here rather than left to library defaults. Anchors, aliases and merge keys ({@code <<}) are
 * resolved as Go's yaml.v2/v3 resolve them, within bounds that stop an alias bomb or deep nesting.
 */
public final class YamlParsers {

    /** Aliases to collections in one document: real configs use a handful. */
    public static final int MAX_ALIASES = 100;
    /** Nesting of mappings and lists: Loki's deepest settings are under ten levels. */
    public static final int MAX_NESTING_DEPTH = 100;
    /** One scalar (a key or a value): real ones are at most a few kilobytes. */
    public static final int MAX_STRING_LENGTH = 1024 * 1024;

    private YamlParsers() {
    }

    /** A mapper builder with the limits and with duplicate keys refused (Loki and Tempo refuse them too). */
    public static YAMLMapper.Builder mapper() {
        return YAMLMapper.builder(factory()).enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

    public static YAMLFactory factory() {
        LoadSettings settings = LoadSettings.builder()
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setAllowRecursiveKeys(false)
                .setCodePointLimit((int) Math.min(Integer.MAX_VALUE, InputFiles.maxBytes()))
                .build();
        return YAMLAnchorReplayingFactory.builder()
                .loadSettings(settings)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .maxDocumentLength(InputFiles.maxBytes())
                        .build())
                .build();
    }
}
