package io.residency.auditor.collect.config;

import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands {@code ${VAR}} and {@code ${VAR:-default}} in a configuration's text, as Loki and Tempo
 * do with {@code -config.expand-env=true}. An unset variable without a default is an error that
 * names the line: silently expanding it to nothing would audit a config that is not the deployed one.
 */
public final class EnvExpander {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private final Function<String, String> environment;

    public EnvExpander(Function<String, String> environment) {
        this.environment = environment;
    }

    public static EnvExpander ofSystem() {
        Map<String, String> env = System.getenv();
        return new EnvExpander(env::get);
    }

    public String expand(String text) throws SourceReadException {
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder expanded = new StringBuilder();
        while (matcher.find()) {
            if (inComment(text, matcher.start())) {
                matcher.appendReplacement(expanded, Matcher.quoteReplacement(matcher.group()));
                continue;
            }
            String value = environment.apply(matcher.group(1));
            if (value == null || (value.isEmpty() && matcher.group(2) != null)) {
                if (matcher.group(2) == null) {
                    int line = lineOf(text, matcher.start());
                    throw new SourceReadException("line " + line + ": ${" + matcher.group(1)
                            + "} is not set and has no default; expected it in the auditor's environment, or ${"
                            + matcher.group(1) + ":-default} in the config");
                }
                value = matcher.group(2);
            }
            matcher.appendReplacement(expanded, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(expanded);
        return expanded.toString();
    }

    /** A reference after a YAML comment marker on its line changes nothing the config says. */
    private static boolean inComment(String text, int offset) {
        int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        for (int i = lineStart; i < offset; i++) {
            if (text.charAt(i) == '#' && (i == lineStart || Character.isWhitespace(text.charAt(i - 1)))) {
                return true;
            }
        }
        return false;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
