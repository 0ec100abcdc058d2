package io.residency.auditor.collect.config;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands environment references in a configuration's text. {@link #expand} takes {@code ${VAR}} and
 * {@code ${VAR:-default}} and refuses an unset variable without a default, naming the line;
 * {@link #expandLenient} follows Loki's and Tempo's {@code -config.expand-env} (drone/envsubst) and marks an
 * unset variable so only its field is unverified; {@link #expandConfmap} follows the OTel Collector.
 *
 * <p>The environment is the auditor's own, so it holds the auditor's credentials (AWS keys, the
 * database password, bearer tokens). A variable whose name looks secret is never read: it expands
 * to {@code <redacted:NAME>}, set or not, default or not, so the config still parses, the same
 * config gives the same text on every machine, and no value can reach facts or the bundle.
 * Secret-looking names: {@link #SECRET_NAME} and the names in {@link #ALWAYS_SECRET}.
 */
public final class EnvExpander {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");
    /**
     * The OpenTelemetry Collector's confmap references: {@code $$} is a literal {@code $}; {@code ${env:NAME}}
     * and {@code ${NAME}} (env is the default scheme) take the variable, {@code :-default} when unset;
     * {@code ${scheme:...}} of another provider (file, http, yaml, s3) is left for {@link #UNRESOLVED}.
     */
    private static final Pattern CONFMAP_REFERENCE = Pattern.compile(
            "\\$\\$|\\$\\{(?:env:)?([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}|\\$\\{([A-Za-z][A-Za-z0-9+.-]*:[^}]*)}");
    /** What an unset variable without default becomes in a collector config, so the field that holds it can name it. */
    public static final Pattern UNSET = Pattern.compile("<unset:([\\p{L}\\p{N}_]+)>");
    /** What a reference to another confmap provider becomes: the auditor does not fetch it. */
    public static final Pattern UNRESOLVED = Pattern.compile("<unresolved:([^>]*)>");
    /** Names that say they hold a credential; a name ending in _KEY, _PASS or _PWD too (SIGNING_KEY, DB_PASS). */
    static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(SECRET|PASSWORD|PASSWD|TOKEN|CREDENTIAL|PRIVATE|API_?KEY|ACCESS_KEY|SESSION|AUTH).*|(?i)(.*_)?(KEY|PASS|PWD)");
    /** The auditor's own secrets by name, kept even if the pattern above changes. */
    static final Set<String> ALWAYS_SECRET = Set.of("AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_ACCESS_KEY_ID",
            "SPRING_DATASOURCE_PASSWORD", "SPRING_DATASOURCE_URL", "RESIDENCY_HMAC_KEY", "RESIDENCY_SIGNING_KEY");

    private final Function<String, String> environment;

    public EnvExpander(Function<String, String> environment) {
        this.environment = environment;
    }

    public static EnvExpander ofSystem() {
        Map<String, String> env = System.getenv();
        return new EnvExpander(env::get);
    }


    /**
     * Expands as Loki's and Tempo's {@code -config.expand-env} do, with drone/envsubst's grammar ({@link DroneEnvsubst}):
     * a bare {@code $NAME} stays as written, {@code $$} is {@code $}, a default is taken when the value is empty.
     * Where the component would get an empty value from an unset variable this gives {@code <unset:NAME>}
     * ({@link #UNSET}) so that only the field holding it is left unverified, naming the variable
     * ({@link UnsetVariables}), never the whole file. A reference envsubst refuses (the component would not
     * start) or a string function the auditor does not evaluate makes the source unreadable, naming the line.
     */
    public String expandLenient(String text) throws SourceReadException {
        return DroneEnvsubst.expand(text, (name, fallback) -> {
            if (isSecretName(name)) {
                return redactionMarker(name);
            }
            String value = environment.apply(name);
            if (value != null && !value.isEmpty()) {
                return value;
            }
            if (fallback != null && !fallback.isEmpty()) {
                return fallback;
            }
            return value == null ? "<unset:" + name + ">" : "";
        });
    }

    public String expand(String text) throws SourceReadException {
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder expanded = new StringBuilder();
        while (matcher.find()) {
            if (inComment(text, matcher.start())) {
                matcher.appendReplacement(expanded, Matcher.quoteReplacement(matcher.group()));
                continue;
            }
            if (isSecretName(matcher.group(1))) {
                matcher.appendReplacement(expanded, Matcher.quoteReplacement(redactionMarker(matcher.group(1))));
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

    /**
     * Expands a collector config as the collector's confmap does. An unset variable without a default
     * is not an error here: the collector would run with an empty value, and the auditor cannot know
     * the collector's environment, so it becomes {@code <unset:NAME>} and only the field holding it is
     * left unverified. Secret-looking names are redacted as in {@link #expand}.
     */
    public String expandConfmap(String text) {
        Matcher matcher = CONFMAP_REFERENCE.matcher(text);
        StringBuilder expanded = new StringBuilder();
        while (matcher.find()) {
            String replacement;
            if (inComment(text, matcher.start())) {
                replacement = matcher.group();
            } else if (matcher.group().equals("$$")) {
                replacement = "$";
            } else if (matcher.group(3) != null) {
                replacement = "<unresolved:" + matcher.group(3).replace('>', ' ') + ">";
            } else if (isSecretName(matcher.group(1))) {
                replacement = redactionMarker(matcher.group(1));
            } else {
                String value = environment.apply(matcher.group(1));
                // The env provider takes the default only when the variable is not set at all.
                if (value == null) {
                    value = matcher.group(2) != null ? matcher.group(2) : "<unset:" + matcher.group(1) + ">";
                }
                replacement = value;
            }
            matcher.appendReplacement(expanded, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(expanded);
        return expanded.toString();
    }

    /** Whether {@code ${name}} is never read from the environment. */
    public static boolean isSecretName(String name) {
        return ALWAYS_SECRET.contains(name.toUpperCase(Locale.ROOT)) || SECRET_NAME.matcher(name).matches();
    }

    /** What a secret-looking reference expands to: the name, never the value. */
    public static String redactionMarker(String name) {
        return "<redacted:" + name + ">";
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
