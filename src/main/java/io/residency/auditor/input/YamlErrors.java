package io.residency.auditor.input;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/**
 * Turns a YAML path and a Jackson error into "where" and "what" for a person. Only the first line
 * of Jackson's message is kept: the YAML parser appends the offending source line, which may hold a secret.
 */
public final class YamlErrors {

    private YamlErrors() {
    }

    /** "line 12, regions[0].name" where the line can be found, else just the path. */
    public static String place(byte[] content, List<Object> path) {
        int line = YamlLocator.lineOf(content, path);
        String readable = readable(path);
        if (line < 1) {
            return readable;
        }
        return readable.isEmpty() ? "line " + line : "line " + line + ", " + readable;
    }

    /** The place of a Jackson error: the line of the path it names, else the line where parsing stopped. */
    public static String place(byte[] content, JacksonException e) {
        List<Object> path = pathOf(e);
        if (YamlLocator.lineOf(content, path) > 0) {
            return place(content, path);
        }
        TokenStreamLocation location = e.getLocation();
        String readable = readable(path);
        // SnakeYAML knows where the problem is; Jackson only where its parser stood.
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof MarkedYamlEngineException marked && (marked.getContextMark().isPresent() || marked.getProblemMark().isPresent())) {
                // Where the broken construct starts (an unclosed quote or list), else where reading failed.
                Mark mark = marked.getContextMark().orElseGet(() -> marked.getProblemMark().get());
                String line = "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
                return readable.isEmpty() ? line : line + ", " + readable;
            }
        }
        if (location == null || location.getLineNr() < 1) {
            return readable;
        }
        String line = "line " + location.getLineNr() + (location.getColumnNr() > 0 ? ", column " + location.getColumnNr() : "");
        return readable.isEmpty() ? line : line + ", " + readable;
    }

    /**
     * What went wrong, without the input: the YAML parser's snippet lines and "in reader" marks are
     * dropped (the place says where), and every quoted stretch of the input is replaced by an
     * ellipsis, so an error on a file that is not what it claims never prints what it holds.
     */
    public static String problem(JacksonException e) {
        return withoutContent(String.valueOf(e.getOriginalMessage()));
    }

    public static String withoutContent(String message) {
        List<String> kept = new ArrayList<>();
        for (String line : message.split("\n")) {
            if (line.isBlank() || Character.isWhitespace(line.charAt(0)) || line.strip().startsWith("in reader")) {
                continue;
            }
            // Quoted syntax such as ',' or ']' stays: two characters hold no secret, and say what was expected.
            // A duplicated key is named when it looks like a key: it is the config's own structure, not a value.
            boolean key = line.strip().startsWith("Duplicate Object property");
            kept.add(QUOTED.matcher(line.strip()).replaceAll(m -> m.group().length() <= 4
                    || key && m.group().matches(".[A-Za-z0-9_.-]{1,40}.") ? Matcher.quoteReplacement(m.group())
                    : m.group().charAt(0) + "…" + m.group().charAt(0)));
        }
        String text = String.join("; ", kept);
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /** Quoted input in Jackson and SnakeYAML messages; type names are quoted with backticks and kept. */
    private static final Pattern QUOTED = Pattern.compile("'[^'\\n]*'|\"[^\"\\n]*\"");

    /** {@code [regions, 0, name]} as {@code regions[0].name}. */
    public static String readable(List<Object> path) {
        StringBuilder text = new StringBuilder();
        for (Object element : path) {
            if (element instanceof Integer index) {
                text.append('[').append(index).append(']');
            } else {
                if (!text.isEmpty()) {
                    text.append('.');
                }
                text.append(element);
            }
        }
        return text.toString();
    }

    /** The inverse of {@link #readable}: {@code regions[0].name} as {@code [regions, 0, name]}. */
    public static List<Object> parse(String readable) {
        List<Object> path = new ArrayList<>();
        Matcher part = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]").matcher(readable);
        while (part.find()) {
            path.add(part.group(1) != null ? part.group(1) : (Object) Integer.valueOf(part.group(2)));
        }
        return path;
    }

    private static List<Object> pathOf(JacksonException e) {
        List<Object> path = new ArrayList<>();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.add(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.add(reference.getIndex());
            }
        }
        return path;
    }
}
