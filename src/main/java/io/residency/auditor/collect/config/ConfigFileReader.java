package io.residency.auditor.collect.config;

import io.residency.auditor.input.Sha256;
import io.residency.auditor.input.YamlErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads a YAML configuration file into a tree. */
public final class ConfigFileReader {

    /** Real Loki/Tempo configs are kilobytes; a much larger file is not a config. */
    static final long MAX_CONFIG_BYTES = 16L * 1024 * 1024;

    private final ObjectMapper yaml = YAMLMapper.builder().build();

    public ConfigDocument read(Path file) throws SourceReadException {
        byte[] content;
        try {
            if (Files.size(file) > MAX_CONFIG_BYTES) {
                throw new SourceReadException("larger than " + MAX_CONFIG_BYTES / (1024 * 1024) + " MiB; expected a configuration file");
            }
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SourceReadException("file not found");
        } catch (IOException e) {
            throw new SourceReadException("cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
        JsonNode root;
        try {
            root = yaml.readTree(content);
        } catch (JacksonException e) {
            String place = YamlErrors.place(content, e);
            throw new SourceReadException((place.isEmpty() ? "" : place + ": ") + YamlErrors.problem(e) + "; expected YAML", e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new SourceReadException("empty; expected a YAML mapping");
        }
        if (!root.isObject()) {
            throw new SourceReadException("top level is a " + root.getNodeType().name().toLowerCase() + "; expected a YAML mapping");
        }
        return new ConfigDocument(root, Sha256.hex(content));
    }
}
