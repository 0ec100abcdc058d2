package io.residency.auditor.collect.config;

import io.residency.auditor.collect.BearerToken;
import io.residency.auditor.collect.DeadlineInputStream;
import io.residency.auditor.estate.LoadedEstate;
import io.residency.auditor.estate.SourceSpec;
import io.residency.auditor.input.InputFiles;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

/**
 * Fetches a source's bytes from a file, a live endpoint that serves the config ({@code /config} on
 * Loki, {@code /status/config} on Tempo) or an endpoint of the component's own API. Errors name the
 * place without its secrets.
 */
public final class SourceFetcher {

    /** Real configs are kilobytes; anything much larger is not a config. */
    public static final int MAX_BYTES = (int) Math.min(Integer.MAX_VALUE - 8, InputFiles.maxBytes());

    private final Duration connectTimeout;
    // Built on the first live fetch: building it sets up TLS (the JDK's trust store), which a run on
    // files only, such as the offline gate, never needs.
    private HttpClient http;
    private final Duration readTimeout;
    private final Function<String, String> environment;

    public SourceFetcher(Duration connectTimeout, Duration readTimeout, Function<String, String> environment) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.environment = environment;
    }

    /** A source file of the estate, confined to the estate's folder unless it or the run allows otherwise. */
    public byte[] fetchFile(LoadedEstate estate, String relative) throws SourceReadException {
        try {
            return fetchFile(estate.confined(relative));
        } catch (InputFiles.RefusedException e) {
            throw new SourceReadException(e.getMessage());
        }
    }

    public byte[] fetchFile(Path file) throws SourceReadException {
        try {
            return InputFiles.readRegular(file, MAX_BYTES);
        } catch (InputFiles.RefusedException e) {
            throw new SourceReadException(e.getMessage() + "; expected a configuration file");
        } catch (NoSuchFileException e) {
            throw new SourceReadException("file not found");
        } catch (IOException e) {
            throw new SourceReadException("cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    public byte[] fetchUrl(SourceSpec spec) throws SourceReadException {
        return get(spec.url(), spec, "application/yaml, text/plain;q=0.9, */*;q=0.1", "", "the configuration");
    }

    /**
     * One endpoint of a component's own API ({@code api:} plus {@code path}), with the source's bearer
     * token, under the same bounds as a config URL. Every error names the endpoint and what was expected.
     *
     * @param expected what a good answer holds, for the messages
     */
    public byte[] fetchApi(SourceSpec spec, String path, String expected) throws SourceReadException {
        String base = spec.api().endsWith("/") ? spec.api().substring(0, spec.api().length() - 1) : spec.api();
        return get(base + path, spec, "application/json", "GET " + path + ": ", expected);
    }

    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
        }
        return http;
    }

    private byte[] get(String url, SourceSpec spec, String accept, String endpoint, String expected) throws SourceReadException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new SourceReadException(endpoint + "not a valid URL; expected http(s)://host:port/path");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new SourceReadException(endpoint + "scheme '" + uri.getScheme() + "' is not supported; expected http or https");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(readTimeout).GET().header("Accept", accept);
        String token = token(spec);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<InputStream> response;
        try {
            response = http().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new SourceReadException(endpoint + "no answer within " + readTimeout.toSeconds() + " s (timeout); expected " + expected, e);
        } catch (IOException e) {
            throw new SourceReadException(endpoint + "cannot connect (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceReadException(endpoint + "interrupted", e);
        }
        // What was read is kept even when the read fails, so the bundle holds the answer as far as it came.
        java.io.ByteArrayOutputStream read = new java.io.ByteArrayOutputStream();
        try (InputStream body = new DeadlineInputStream(response.body(), readTimeout)) {
            if (response.statusCode() != 200) {
                throw new SourceReadException(endpoint + "HTTP " + response.statusCode() + "; expected 200 with " + expected
                        + (response.statusCode() == 401 || response.statusCode() == 403 ? " (check the bearer token)" : ""));
            }
            byte[] chunk = new byte[8192];
            for (int n = body.read(chunk); n >= 0; n = body.read(chunk)) {
                int room = MAX_BYTES - read.size();
                if (n > room) {
                    read.write(chunk, 0, room);
                    throw new SourceReadException(endpoint + "answer larger than " + InputFiles.describe(MAX_BYTES) + "; expected " + expected,
                            read.toByteArray(), null);
                }
                read.write(chunk, 0, n);
            }
            return read.toByteArray();
        } catch (HttpTimeoutException e) {
            throw new SourceReadException(endpoint + "answer not complete within " + readTimeout.toSeconds() + " s (timeout); expected "
                    + expected, read.toByteArray(), e);
        } catch (IOException e) {
            throw new SourceReadException(endpoint + "answer cut off (" + e.getClass().getSimpleName() + "); expected " + expected,
                    read.toByteArray(), e);
        }
    }

    private String token(SourceSpec spec) throws SourceReadException {
        try {
            return BearerToken.read(spec.tokenFile(), spec.tokenEnv(), environment);
        } catch (BearerToken.UnavailableException e) {
            throw new SourceReadException(e.getMessage());
        }
    }
}
