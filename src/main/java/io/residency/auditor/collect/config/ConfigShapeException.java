package io.residency.auditor.collect.config;

import java.util.List;

/** A configuration value of the wrong shape, with the path to it so the reader can name the line. */
public class ConfigShapeException extends RuntimeException {

    private final List<Object> path;

    public ConfigShapeException(List<Object> path, String expected) {
        super(expected);
        this.path = List.copyOf(path);
    }

    public List<Object> path() {
        return path;
    }
}
