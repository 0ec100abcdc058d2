package io.residency.auditor.input;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from a config or estate text in place, line by line, so every other line and
 * every line number stays as the run read it: credentials in a URL ({@code s3://KEY:SECRET@...},
 * {@code http://user:password@...}), a URL's query string (it may carry a token), and the value of
 * a key that names a secret ({@code secret_access_key: ...}, also inside a flow mapping and on a
 * line the YAML parser refused). An S3 secret may hold '/', so a URL's credentials run to its last '@'. What was removed is listed by line and kind, never by value.
 */
public final class SecretRedactor {

    public static final String MARKER = "<redacted>";

    /** One removal: where, and what kind of value it was. */
    public record Redaction(int line, String kind) {
    }

    /** The redacted text and what was removed from it. */
    public record Redacted(byte[] content, List<Redaction> redactions) {
    }

    private static final Pattern URL_CREDENTIALS = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)([^\\s\"'<>]+)@");
    private static final Pattern URL_QUERY = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://[^\\s\"'?#]*)\\?[^\\s\"'#,}]+");
    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i)\\b([A-Za-z0-9_-]*(?:secret|password|passwd|token|access_key|accesskey|api_key|apikey|credentials?|private_key)[A-Za-z0-9_-]*)"
                    + "([\"']?\\s*[:=]\\s*)(\"[^\"]*\"?|'[^']*'?|[^\\s,}#]+)");

    private SecretRedactor() {
    }

    public static Redacted redact(byte[] content) {
        if (!InputFiles.isUtf8(content)) {
            // Not text: nothing can be redacted in place, so none of it is kept.
            return new Redacted(new byte[0], List.of(new Redaction(0, "whole file (not UTF-8 text)")));
        }
        String[] lines = new String(content, StandardCharsets.UTF_8).split("\n", -1);
        List<Redaction> redactions = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            line = replace(URL_CREDENTIALS, line, m -> m.group(1) + MARKER + "@", i + 1, "url credentials", redactions);
            line = replace(URL_QUERY, line, m -> m.group(1) + "?" + MARKER, i + 1, "url query string", redactions);
            line = replace(SECRET_KEY, line, m -> isEmpty(m.group(3)) || m.group(3).contains(MARKER)
                    ? m.group() : m.group(1) + m.group(2) + MARKER, i + 1, null, redactions);
            lines[i] = line;
        }
        return new Redacted(String.join("\n", lines).getBytes(StandardCharsets.UTF_8), List.copyOf(redactions));
    }

    private static boolean isEmpty(String value) {
        String bare = value.replace("\"", "").replace("'", "").strip();
        // An environment reference or an empty value holds no secret of its own.
        return bare.isEmpty() || bare.startsWith("${") || bare.startsWith("<redacted");
    }

    private static String replace(Pattern pattern, String line, java.util.function.Function<Matcher, String> with, int number,
                                  String kind, List<Redaction> redactions) {
        Matcher matcher = pattern.matcher(line);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement = with.apply(matcher);
            if (!replacement.equals(matcher.group())) {
                redactions.add(new Redaction(number, kind != null ? kind : "value of " + matcher.group(1).toLowerCase(Locale.ROOT)));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
