package io.residency.auditor.collect.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An endpoint as configs write it, read the way an HTTP client reads it, keeping only what may be
 * stored: no user info, no query string, no fragment. Accepts {@code scheme://authority/path},
 * schemeless {@code host:port/path}, and IPv6 literals ({@code [::1]:9000}).
 *
 * @param scheme lower-case scheme, or {@code null} when the endpoint has none
 * @param host   lower-case host without a trailing dot; an IPv6 literal keeps its brackets
 * @param port   the port digits, or {@code ""}
 * @param path   the raw path (may be {@code ""}); it never decides a region
 */
public record EndpointUrl(String scheme, String host, String port, String path) {

    /** DNS allows 253 characters; a longer "host" is not one a client could reach. */
    static final int MAX_HOST_LENGTH = 253;

    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://");
    // Underscores are not valid in DNS host names but Kubernetes and Docker names carry them.
    private static final Pattern DNS_NAME = Pattern.compile("[a-z0-9_-]+(?:\\.[a-z0-9_-]+)*");
    private static final Pattern IPV6_TEXT = Pattern.compile("[0-9a-f:.]*:[0-9a-f:.]*");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern PORT = Pattern.compile("[0-9]{0,5}");

    /** The endpoint, or empty when no host can be read from it: such an endpoint is never located. */
    public static Optional<EndpointUrl> parse(String endpoint) {
        if (endpoint == null) {
            return Optional.empty();
        }
        String rest = endpoint.strip();
        String scheme = null;
        Matcher schemeMatch = SCHEME.matcher(rest);
        if (schemeMatch.find()) {
            scheme = schemeMatch.group(1).toLowerCase(Locale.ROOT);
            rest = rest.substring(schemeMatch.end());
        } else if (rest.startsWith("//")) {
            rest = rest.substring(2);
        }
        // The authority ends where the path, query or fragment starts; browsers also end it at '\'.
        int authorityEnd = indexOfAny(rest, "/?#\\");
        String authority = authorityEnd < 0 ? rest : rest.substring(0, authorityEnd);
        String afterAuthority = authorityEnd < 0 ? "" : rest.substring(authorityEnd);
        int pathEnd = indexOfAny(afterAuthority, "?#");
        String path = pathEnd < 0 ? afterAuthority : afterAuthority.substring(0, pathEnd);
        if (hasSpaceOrControl(authority) || hasSpaceOrControl(path)) {
            return Optional.empty();
        }
        // User info may hold '@' unescaped (passwords): the host starts after the last one.
        authority = authority.substring(authority.lastIndexOf('@') + 1);

        String host;
        String port = "";
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            String after = authority.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    return Optional.empty();
                }
                port = after.substring(1);
            }
            host = ipv6Literal(authority.substring(1, close)).orElse(null);
        } else if (authority.indexOf(':') != authority.lastIndexOf(':')) {
            // Several colons without brackets: only a bare IPv6 literal, which cannot carry a port.
            host = ipv6Literal(authority).orElse(null);
        } else {
            int colon = authority.indexOf(':');
            host = dnsNameOrIpv4(colon < 0 ? authority : authority.substring(0, colon)).orElse(null);
            port = colon < 0 ? "" : authority.substring(colon + 1);
        }
        if (host == null || !PORT.matcher(port).matches()) {
            return Optional.empty();
        }
        return Optional.of(new EndpointUrl(scheme, host, port, path));
    }

    /** Loopback literals (127.0.0.0/8, ::1 and its IPv4-mapped forms) and exactly {@code localhost}. */
    public boolean isLocal() {
        if (host.equals("localhost")) {
            return true;
        }
        Matcher ipv4 = IPV4.matcher(host);
        if (ipv4.matches()) {
            return Integer.parseInt(ipv4.group(1)) == 127;
        }
        if (host.startsWith("[")) {
            return literalAddress(host.substring(1, host.length() - 1)).map(InetAddress::isLoopbackAddress).orElse(false);
        }
        return false;
    }

    private static Optional<String> dnsNameOrIpv4(String text) {
        String host = text.toLowerCase(Locale.ROOT);
        // "example.com." is the same host as "example.com".
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.isEmpty() || host.length() > MAX_HOST_LENGTH || !DNS_NAME.matcher(host).matches()) {
            return Optional.empty();
        }
        Matcher ipv4 = IPV4.matcher(host);
        if (ipv4.matches()) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(ipv4.group(i)) > 255) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(host);
    }

    private static Optional<String> ipv6Literal(String text) {
        String literal = text.toLowerCase(Locale.ROOT);
        return literalAddress(literal).map(address -> "[" + literal + "]");
    }

    /**
     * An IPv6 literal's address. Only text of hex digits, ':' and '.' with a colon reaches
     * InetAddress, which parses such text as a literal and never asks DNS.
     */
    private static Optional<InetAddress> literalAddress(String literal) {
        if (literal.length() > 45 || !IPV6_TEXT.matcher(literal).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName("[" + literal + "]"));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static int indexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean hasSpaceOrControl(String text) {
        return text.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c));
    }
}
