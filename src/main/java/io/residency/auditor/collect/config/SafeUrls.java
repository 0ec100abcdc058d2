package io.residency.auditor.collect.config;

import java.net.URI;

/** URLs as they may be stored and shown: no user info, no query string (where tokens hide). */
public final class SafeUrls {

    private SafeUrls() {
    }

    public static String redact(String url) {
        try {
            URI uri = URI.create(url.strip());
            if (uri.getHost() == null) {
                return EndpointRegions.hostOf(url);
            }
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                    + (uri.getRawPath() == null ? "" : uri.getRawPath());
        } catch (IllegalArgumentException e) {
            return EndpointRegions.hostOf(url);
        }
    }
}
