package io.residency.auditor.collect.config;

/**
 * The grammar of github.com/drone/envsubst v1.0.3, which Loki ({@code pkg/util/cfg/files.go}) and Tempo
 * ({@code cmd/tempo/main.go}) run over the whole config file, comments included, with
 * {@code -config.expand-env=true} (read in drone/envsubst's {@code parse/scan.go}, {@code parse/parse.go},
 * {@code template.go}, {@code funcs.go} at tag v1.0.3):
 * <ul>
 *   <li>{@code ${NAME}}: the variable; NAME is letters, digits and {@code _} (a leading digit too).
 *       A bare {@code $NAME} is not a reference: it stays as written.</li>
 *   <li>{@code ${NAME:-w}}, {@code ${NAME:=w}}, {@code ${NAME:?w}}, {@code ${NAME:+w}}, {@code ${NAME=w}}: all the
 *       same function, the value if it is not empty, else {@code w} ({@code w} may hold {@code ${...}}).</li>
 *   <li>{@code $$} is a literal {@code $}; outside {@code ${...}}, {@code \\} is {@code \} and {@code \/} is {@code /}
 *       (v1.0.3 unescapes them everywhere). A {@code $} before anything else stays.</li>
 *   <li>{@code ${NAME-w}}, {@code ${}}, an unclosed {@code ${} are errors: the component does not start.</li>
 *   <li>{@code ${#NAME}}, {@code ${NAME,}}, {@code ${NAME^}}, {@code ${NAME:1:2}}, {@code ${NAME/a/b}},
 *       {@code ${NAME#p}}, {@code ${NAME%p}}: string functions the auditor does not evaluate (refused, named).</li>
 * </ul>
 * What a reference becomes is the caller's ({@link Resolver}): the value, a redaction or an unset marker.
 */
final class DroneEnvsubst {

    /** What {@code ${name}} (or its default form) becomes. */
    interface Resolver {
        /**
         * @param name     the variable
         * @param fallback the evaluated default of a default form, or null for a plain {@code ${name}}
         */
        String resolve(String name, String fallback);
    }

    private final String text;
    private final Resolver resolver;
    private int at;

    private DroneEnvsubst(String text, Resolver resolver) {
        this.text = text;
        this.resolver = resolver;
    }

    static String expand(String text, Resolver resolver) throws SourceReadException {
        DroneEnvsubst parser = new DroneEnvsubst(text, resolver);
        StringBuilder out = new StringBuilder(text.length());
        while (parser.at < text.length()) {
            char c = text.charAt(parser.at);
            char next = parser.at + 1 < text.length() ? text.charAt(parser.at + 1) : 0;
            if (c == '$' && next == '{') {
                parser.at += 2;
                out.append(parser.reference());
            } else if (c == '$' && next == '$' || c == '\\' && (next == '\\' || next == '/')) {
                out.append(next);
                parser.at += 2;
            } else {
                out.append(c);
                parser.at++;
            }
        }
        return out.toString();
    }

    /** After {@code ${}: the reference up to and including its closing brace. */
    private String reference() throws SourceReadException {
        int start = at - 2;
        if (peek() == '#') {
            throw unsupported(start, "#");
        }
        int nameStart = at;
        while (at < text.length() && isNameChar(text.charAt(at))) {
            at++;
        }
        String name = text.substring(nameStart, at);
        if (name.isEmpty()) {
            throw refused(start, "no variable name after ${");
        }
        char next = peek();
        char afterColon = at + 1 < text.length() ? text.charAt(at + 1) : 0;
        if (next == '}') {
            at++;
            return resolver.resolve(name, null);
        }
        if (next == '=' || next == ':' && "=-?+".indexOf(afterColon) >= 0) {
            at += next == '=' ? 1 : 2;
            return resolver.resolve(name, fallback(start));
        }
        if (next == ':' || ",^/#%".indexOf(next) >= 0 && next != 0) {
            throw unsupported(start, next == ':' ? ":" : String.valueOf(next));
        }
        // The name is not echoed: an unclosed ${ may sit inside a password.
        throw refused(start, "a ${ not closed by } after its variable name (envsubst knows ${NAME:-default}, not ${NAME-default})");
    }

    /** A default's words up to the closing brace; {@code ${...}} inside is expanded, nothing is unescaped. */
    private String fallback(int start) throws SourceReadException {
        StringBuilder words = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                throw refused(start, "a default that is not closed by }");
            }
            char c = text.charAt(at);
            if (c == '}') {
                at++;
                return words.toString();
            }
            if (c == '$' && at + 1 < text.length() && text.charAt(at + 1) == '{') {
                at += 2;
                words.append(reference());
            } else {
                words.append(c);
                at++;
            }
        }
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : 0;
    }

    /** Go's unicode.IsLetter, unicode.IsDigit or {@code _}, as envsubst's acceptIdent. */
    private static boolean isNameChar(char c) {
        return Character.isLetter(c) || Character.isDigit(c) || c == '_';
    }

    /** The config text is never quoted: a refused reference may sit inside a password. */
    private SourceReadException refused(int offset, String what) {
        return new SourceReadException(where(offset) + what + "; Loki and Tempo (drone/envsubst) refuse to start with it under"
                + " -config.expand-env=true; expected ${NAME}, ${NAME:-default} or $$ for a literal $, or expandEnv: false on the"
                + " estate source if the component runs without -config.expand-env");
    }

    private SourceReadException unsupported(int offset, String operator) {
        return new SourceReadException(where(offset) + "an envsubst string function (${NAME" + operator + "...}: length, case,"
                + " substring, replace or trim) that the auditor does not evaluate; expected ${NAME} or ${NAME:-default}"
                + " where the config names where data goes, or expandEnv: false if the component runs without -config.expand-env");
    }

    private String where(int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return "line " + line + " column " + (offset - lineStart + 1) + ": ";
    }
}
