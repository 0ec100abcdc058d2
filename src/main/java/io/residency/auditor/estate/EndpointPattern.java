package io.residency.auditor.estate;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One host pattern of the estate's {@code endpoints} map. Two forms only, so that no pattern can
 * be a substring or suffix trick:
 * <ul>
 *   <li>an exact host: {@code loki.eu-west-1.observe.internal}, {@code 10.0.4.7}, {@code [2001:db8::7]},
 *       a cluster-local {@code minio}; it matches that host and nothing else;</li>
 *   <li>{@code *.} and a domain of at least two labels: {@code *.eu.example.com} matches every host
 *       under that domain ({@code a.eu.example.com}, {@code a.b.eu.example.com}), never the domain
 *       itself and never {@code eu.example.com.evil.io} or {@code evil-eu.example.com}.</li>
 * </ul>
 * Host and pattern compare without case.
 *
 * @param pattern the pattern, lower-case
 */
public record EndpointPattern(String pattern) {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?");
    private static final Pattern IPV6_LITERAL = Pattern.compile("\\[[0-9a-f:.]+\\]");
    static final int MAX_LENGTH = 253;

    /** The pattern, or an exception whose message says what is wrong with it. */
    public static EndpointPattern of(String text) {
        problem(text).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        return new EndpointPattern(text.strip().toLowerCase(Locale.ROOT));
    }

    /** Why {@code text} is not a pattern, or empty when it is one. */
    public static Optional<String> problem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("empty pattern; expected a host name such as loki.eu.example.com or a wildcard such as *.eu.example.com");
        }
        String pattern = text.strip().toLowerCase(Locale.ROOT);
        if (pattern.length() > MAX_LENGTH) {
            return Optional.of("pattern longer than " + MAX_LENGTH + " characters; expected a host name or *.<domain>");
        }
        if (IPV6_LITERAL.matcher(pattern).matches()) {
            return Optional.empty();
        }
        boolean wildcard = pattern.startsWith("*.");
        String domain = wildcard ? pattern.substring(2) : pattern;
        if (domain.indexOf('*') >= 0) {
            return Optional.of("'*' is allowed only as the whole first label (*.eu.example.com); expected an exact host"
                    + " or *.<domain>, so that no pattern matches a part of a label");
        }
        String[] labels = domain.split("\\.", -1);
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.of("not a host name: expected labels of letters, digits, '-' and '_' separated by single dots,"
                        + " without scheme, port or path");
            }
        }
        if (wildcard && labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            return Optional.of("*." + domain + " would match IP addresses by their last digits; expected each address exactly, such as 10.0.4.7");
        }
        if (wildcard && labels.length < 2) {
            return Optional.of("*." + domain + " would match every host under a top-level name; expected *.<domain> with at least"
                    + " two labels, such as *.eu.example.com or *.monitoring.svc");
        }
        return Optional.empty();
    }

    public boolean isExact() {
        return !pattern.startsWith("*.");
    }

    /** Whether the bare, lower-case host is this exact host or lies under this wildcard's domain. */
    public boolean matches(String host) {
        return isExact() ? pattern.equals(host) : host.endsWith(pattern.substring(1)) && host.length() > pattern.length() - 1;
    }

    /** Most specific first: exact hosts, then the longer domain. Equal patterns compare equal. */
    public static final Comparator<EndpointPattern> MOST_SPECIFIC_FIRST = Comparator
            .comparing(EndpointPattern::isExact).reversed()
            .thenComparing(Comparator.comparingInt((EndpointPattern p) -> p.pattern().length()).reversed());
}
