package io.residency.auditor.input;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectMapper;

/**
 * Finds the line of a place in a YAML document, given its path (keys and list indexes). Binding
 * and validation errors know the path but not always the line; a person needs both.
 */
public final class YamlLocator {

    private static final ObjectMapper YAML = YamlParsers.mapper().build();

    private YamlLocator() {
    }

    /** @return the 1-based line where the key or list item at {@code path} starts, or -1 when it is not found */
    public static int lineOf(byte[] content, List<Object> path) {
        if (path.isEmpty()) {
            return -1;
        }
        try (JsonParser parser = YAML.createParser(content)) {
            Deque<Object> current = new ArrayDeque<>();
            Deque<Integer> indexes = new ArrayDeque<>();
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                switch (token) {
                    case PROPERTY_NAME -> {
                        replaceLast(current, parser.currentName());
                        if (matches(current, path)) {
                            return parser.currentTokenLocation().getLineNr();
                        }
                    }
                    case START_OBJECT, START_ARRAY -> {
                        advanceIndex(current, indexes);
                        if (matches(current, path)) {
                            return parser.currentTokenLocation().getLineNr();
                        }
                        current.addLast(token == JsonToken.START_ARRAY ? -1 : "");
                        indexes.push(token == JsonToken.START_ARRAY ? -1 : Integer.MIN_VALUE);
                    }
                    case END_OBJECT, END_ARRAY -> {
                        current.removeLast();
                        indexes.pop();
                    }
                    default -> {
                        advanceIndex(current, indexes);
                        if (matches(current, path)) {
                            return parser.currentTokenLocation().getLineNr();
                        }
                    }
                }
            }
        } catch (JacksonException e) {
            return -1;
        }
        return -1;
    }

    /** Inside a list, every value starts the next item. */
    private static void advanceIndex(Deque<Object> current, Deque<Integer> indexes) {
        if (!indexes.isEmpty() && indexes.peek() != Integer.MIN_VALUE) {
            int next = indexes.pop() + 1;
            indexes.push(next);
            replaceLast(current, next);
        }
    }

    private static void replaceLast(Deque<Object> current, Object element) {
        current.removeLast();
        current.addLast(element);
    }

    private static boolean matches(Deque<Object> current, List<Object> path) {
        return current.size() == path.size() && List.copyOf(current).equals(path);
    }
}
