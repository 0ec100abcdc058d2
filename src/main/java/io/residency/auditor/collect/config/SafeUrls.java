package io.residency.auditor.collect.config;

/**
 * Endpoints as they may be stored and shown: the one place that turns an endpoint from a config
 * or the estate into text for facts, logs and reports.
 *
 * <p>Kept: scheme, host, port and path. Dropped whole: user info, the query string and the fragment,
 * and path parameters after {@code ;} (e.g. {@code ;jsessionid=}). The query goes whole rather than
 * by a list of secret names because no list is complete ({@code api_key}, {@code token},
 * {@code X-Amz-Signature}, {@code X-Amz-Credential}, {@code sig}, vendor names...), and no verdict
 * depends on it. An endpoint whose host cannot be read is never echoed: it may be all secret.
 */
public final class SafeUrls {

    /** What is stored for an endpoint that has no readable host. */
    public static final String UNPARSABLE = "(unparsable endpoint)";

    private SafeUrls() {
    }

    public static String redact(String url) {
        return EndpointUrl.parse(url).map(SafeUrls::render).orElse(UNPARSABLE);
    }

    private static String render(EndpointUrl url) {
        StringBuilder text = new StringBuilder();
        if (url.scheme() != null) {
            text.append(url.scheme()).append("://");
        }
        text.append(url.host());
        if (!url.port().isEmpty()) {
            text.append(':').append(url.port());
        }
        String path = url.path();
        int parameters = path.indexOf(';');
        text.append(visibleAscii(parameters < 0 ? path : path.substring(0, parameters)));
        return text.toString();
    }

    /** Anything outside visible ASCII is percent-encoded, so no stored path can carry a terminal escape. */
    private static String visibleAscii(String path) {
        StringBuilder safe = new StringBuilder();
        for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f) {
                safe.append((char) c);
            } else {
                safe.append('%').append(String.format("%02X", c));
            }
        }
        return safe.toString();
    }
}
