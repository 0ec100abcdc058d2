package io.residency.auditor.input;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/**
 * Turns a Jackson error into "where" and "what" for a person. Only the first line of Jackson's
 * message is kept: the YAML parser appends the offending source line, which may hold a secret.
 */
public final class YamlErrors {

    private YamlErrors() {
    }

    /** "line 12, regions[0].name", or whichever part is known. */
    public static String place(JacksonException e) {
        TokenStreamLocation location = e.getLocation();
        String path = path(e.getPath());
        String line = location == null || location.getLineNr() < 1 ? "" : "line " + location.getLineNr();
        if (line.isEmpty()) {
            return path;
        }
        return path.isEmpty() ? line : line + ", " + path;
    }

    public static String problem(JacksonException e) {
        String message = String.valueOf(e.getOriginalMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
