package io.residency.auditor.collect.series;

import io.residency.auditor.collect.DeadlineInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;

/**
 * The Prometheus-compatible HTTP API that the Thanos Querier serves: labels, label values and
 * series, each filtered by {@code match[]} and asked with {@code partial_response=false} (a store
 * that does not answer fails the call) and {@code dedup=false} (deduplication would strip the replica
 * labels, the region label among them when the querier is so misconfigured, and merge regions'
 * series). Prometheus ignores both. Bodies are read with Jackson's streaming parser, one value at a
 * time, never whole.
 */
public final class QuerierClient {

    private final HttpClient http;
    private final String baseUrl;
    private final Duration timeout;
    private final String bearerToken;
    /** Label names per region: real estates have hundreds; more is a runaway exporter, not something to read whole. */
    public static final int MAX_LABEL_NAMES = 50_000;
    /** Elements of one answer (label values, series): the answer is streamed, this bounds its time. */
    public static final long MAX_ELEMENTS = 5_000_000;
    /** Bytes of one answer. */
    public static final long MAX_ANSWER_BYTES = 512L * 1024 * 1024;
    /** Bytes of an answer kept for the evidence bundle: the bound every recorded input has. */
    public static final int MAX_KEPT_BYTES = (int) Math.min(Integer.MAX_VALUE - 8, io.residency.auditor.input.InputFiles.maxBytes());
    /** Labels of one series: Prometheus's own default limit is far lower in practice. */
    static final int MAX_LABELS_PER_SERIES = 1_000;

    private final JsonFactory json = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(1024 * 1024)
                    .maxNestingDepth(32)
                    .maxNameLength(64 * 1024)
                    .build())
            .build();

    /** @param bearerToken {@code null} for none */
    public QuerierClient(String baseUrl, Duration connectTimeout, Duration timeout, String bearerToken) {
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeout = timeout;
        this.bearerToken = bearerToken;
    }

    /** The label names of the series that match. */
    public List<String> labels(String match) throws IOException, PartialResponseException {
        List<String> names = new ArrayList<>();
        get("/api/v1/labels", match, MAX_LABEL_NAMES, parser -> {
            names.add(string(parser));
            return true;
        }, false, null);
        return names;
    }

    /** Streams the distinct values of one label among the series that match. */
    public void labelValues(String label, String match, Consumer<String> each) throws IOException, PartialResponseException {
        labelValues(label, match, each, null);
    }

    /**
     * @param received gets the answer's bytes as read (bounded by {@link #MAX_KEPT_BYTES}), also when the
     *                 answer failed part-way; never called when nothing was received. Only for answers
     *                 that may be kept: a label whose values may be personal data is never asked so.
     */
    public void labelValues(String label, String match, Consumer<String> each, Consumer<byte[]> received)
            throws IOException, PartialResponseException {
        get("/api/v1/label/" + URLEncoder.encode(label, StandardCharsets.UTF_8) + "/values", match, MAX_ELEMENTS, parser -> {
            each.accept(string(parser));
            return true;
        }, false, received);
    }

    /**
     * Streams the label sets of the series that match until {@code each} returns false; the rest of
     * the answer is then not read.
     *
     * @return whether every series of the answer was read
     */
    public boolean series(String match, Predicate<Map<String, String>> each) throws IOException, PartialResponseException {
        return get("/api/v1/series", match, MAX_ELEMENTS, parser -> each.test(labelSet(parser)), false, null);
    }

    /**
     * The querier's command-line flags, {@code /api/v1/status/flags}: every value a string, a repeated
     * flag comma-joined as the querier gives it.
     */
    public Map<String, String> flags() throws IOException, PartialResponseException {
        return flags(null);
    }

    /** @param received as for {@link #labelValues(String, String, Consumer, Consumer)} */
    public Map<String, String> flags(Consumer<byte[]> received) throws IOException, PartialResponseException {
        Map<String, String> flags = new java.util.TreeMap<>();
        get("/api/v1/status/flags", "", 1, parser -> {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw new IOException("flags are not an object");
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (flags.size() >= MAX_LABEL_NAMES) {
                    throw new IOException("more than " + MAX_LABEL_NAMES + " flags");
                }
                flags.put(name, string(parser));
            }
            return true;
        }, true, received);
        return flags;
    }

    /**
     * The store APIs the querier fans out to, {@code /api/v1/stores}: per component type (store,
     * sidecar, rule, receive, ...), each endpoint's name, external label sets, time range and last error.
     */
    public List<StoreStatus> stores() throws IOException, PartialResponseException {
        return stores(null);
    }

    /** @param received as for {@link #labelValues(String, String, Consumer, Consumer)} */
    public List<StoreStatus> stores(Consumer<byte[]> received) throws IOException, PartialResponseException {
        List<StoreStatus> stores = new ArrayList<>();
        get("/api/v1/stores", "", 1, parser -> {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw new IOException("stores are not an object of component types");
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String type = parser.currentName();
                JsonToken list = parser.nextToken();
                if (list == JsonToken.VALUE_NULL) {
                    continue;
                }
                if (list != JsonToken.START_ARRAY) {
                    throw new IOException("the " + type + " stores are not a list");
                }
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (stores.size() >= MAX_LABEL_NAMES) {
                        throw new IOException("more than " + MAX_LABEL_NAMES + " stores");
                    }
                    stores.add(storeStatus(type, parser));
                }
            }
            return true;
        }, true, received);
        return stores;
    }

    private static StoreStatus storeStatus(String type, JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new IOException("a " + type + " store is not an object");
        }
        String name = null;
        String lastError = null;
        Long minTime = null;
        Long maxTime = null;
        List<Map<String, String>> labelSets = new ArrayList<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "name" -> name = string(parser);
                case "lastError" -> lastError = value == JsonToken.VALUE_NULL ? null : string(parser);
                case "minTime" -> minTime = number(parser);
                case "maxTime" -> maxTime = number(parser);
                case "labelSets" -> {
                    if (value == JsonToken.VALUE_NULL) {
                        break;
                    }
                    if (value != JsonToken.START_ARRAY) {
                        throw new IOException("the label sets of a " + type + " store are not a list");
                    }
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        if (labelSets.size() >= MAX_LABELS_PER_SERIES) {
                            throw new IOException("a " + type + " store has more than " + MAX_LABELS_PER_SERIES + " label sets");
                        }
                        labelSets.add(labelSet(parser));
                    }
                }
                default -> parser.skipChildren();
            }
        }
        if (name == null) {
            throw new IOException("a " + type + " store has no name");
        }
        return new StoreStatus(type, name, labelSets, minTime, maxTime, lastError);
    }

    private static Long number(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw new IOException("expected a whole number, got " + parser.currentToken());
        }
        return parser.getLongValue();
    }

    private interface Element {
        /** Reads one element of data; false stops reading. */
        boolean read(JsonParser parser) throws IOException;
    }

    /**
     * @param match      a series selector, or "" for an endpoint that takes none
     * @param dataObject data is one object, read whole by {@code element}, instead of a list of elements
     * @param received   {@code null}, or gets the bytes of the answer as far as read, to be kept
     * @return whether every element of the answer was read
     */
    private boolean get(String path, String match, long maxElements, Element element, boolean dataObject, Consumer<byte[]> received)
            throws IOException, PartialResponseException {
        String query = match.isEmpty() ? "" : "match[]=" + URLEncoder.encode(match, StandardCharsets.UTF_8) + "&";
        URI uri = URI.create(baseUrl + path + "?" + query + "dedup=false&partial_response=false");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET().header("Accept", "application/json");
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new IOException(path + ": no answer within " + timeout.toSeconds() + " s (timeout)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(path + ": interrupted", e);
        } catch (IOException e) {
            throw new IOException(path + ": cannot connect (" + e.getClass().getSimpleName() + ")", e);
        }
        Copy copy = received == null ? null : new Copy(response.body(), MAX_KEPT_BYTES);
        try (InputStream body = new BoundedInputStream(new DeadlineInputStream(copy == null ? response.body() : copy, timeout),
                MAX_ANSWER_BYTES)) {
            if (response.statusCode() == 422) {
                throw new PartialResponseException(path + ": HTTP 422, the querier could not give a complete answer");
            }
            if (response.statusCode() != 200) {
                throw new IOException(path + ": HTTP " + response.statusCode() + "; expected 200");
            }
            return readEnvelope(path, body, counted(path, maxElements, element), dataObject);
        } catch (HttpTimeoutException e) {
            throw new IOException(path + ": answer not complete within " + timeout.toSeconds() + " s (timeout)", e);
        } finally {
            if (copy != null && copy.kept.size() > 0) {
                received.accept(copy.kept.toByteArray());
            }
        }
    }

    /** Keeps the first bytes of an answer as they are read, for the evidence bundle. */
    private static final class Copy extends java.io.FilterInputStream {

        final java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
        private final int bound;

        Copy(InputStream in, int bound) {
            super(in);
            this.bound = bound;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && kept.size() < bound) {
                kept.write(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                kept.write(buffer, offset, Math.min(n, bound - kept.size()));
            }
            return n;
        }
    }

    /** Refuses an answer with more elements than any real estate has, instead of reading it for hours or keeping it. */
    private static Element counted(String path, long maxElements, Element element) {
        long[] count = {0};
        return parser -> {
            if (++count[0] > maxElements) {
                throw new TooLargeException(path + ": more than " + maxElements + " elements in the answer; not examined, expected fewer");
            }
            return element.read(parser);
        };
    }

    /** An answer over a bound: refused as incomplete, never read further. */
    private static final class TooLargeException extends IOException {
        TooLargeException(String message) {
            super(message);
        }
    }

    /**
     * {"status": "success", "data": [...], "warnings": [...]}: any warning means the answer is partial.
     * When the reader stops early on an answer already marked successful, the rest is not read: what
     * was read is real, and the caller knows it saw only part of it.
     */
    private boolean readEnvelope(String path, InputStream body, Element element, boolean dataObject) throws IOException, PartialResponseException {
        String status = null;
        List<String> warnings = new ArrayList<>();
        boolean sawData = false;
        boolean readAll = true;
        try (JsonParser parser = json.createParser(ObjectReadContext.empty(), body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new PartialResponseException(path + ": not a JSON object; expected the Prometheus API envelope");
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "status" -> status = parser.getString();
                    case "data" -> {
                        if (dataObject) {
                            if (value != JsonToken.START_OBJECT) {
                                throw new PartialResponseException(path + ": data is not an object");
                            }
                            try {
                                element.read(parser);
                            } catch (TooLargeException tooLarge) {
                                throw new PartialResponseException(tooLarge.getMessage(), tooLarge);
                            } catch (IOException wrongShape) {
                                throw new PartialResponseException(path + ": " + wrongShape.getMessage(), wrongShape);
                            }
                            sawData = true;
                            continue;
                        }
                        if (value != JsonToken.START_ARRAY) {
                            throw new PartialResponseException(path + ": data is not a list");
                        }
                        while (parser.nextToken() != JsonToken.END_ARRAY) {
                            if (!readAll) {
                                parser.skipChildren();
                                continue;
                            }
                            try {
                                readAll = element.read(parser);
                            } catch (TooLargeException tooLarge) {
                                throw new PartialResponseException(tooLarge.getMessage(), tooLarge);
                            } catch (IOException wrongShape) {
                                throw new PartialResponseException(path + ": " + wrongShape.getMessage(), wrongShape);
                            }
                            if (!readAll && "success".equals(status)) {
                                return false;
                            }
                        }
                        sawData = true;
                    }
                    case "warnings", "infos" -> {
                        if (value == JsonToken.START_ARRAY) {
                            while (parser.nextToken() != JsonToken.END_ARRAY) {
                                if (field.equals("warnings") && warnings.size() < 100) {
                                    warnings.add(parser.getString());
                                } else {
                                    parser.skipChildren();
                                }
                            }
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw new PartialResponseException(path + ": unexpected content after the answer");
            }
        } catch (JacksonException e) {
            if (e.getCause() instanceof HttpTimeoutException timeoutCause) {
                throw new IOException(path + ": " + timeoutCause.getMessage(), e);
            }
            if (e.getCause() instanceof BoundedInputStream.LimitException limit) {
                throw new PartialResponseException(path + ": " + limit.getMessage() + "; not examined", e);
            }
            throw new PartialResponseException(path + ": the answer was cut off or is not JSON (" + e.getOriginalMessage().split("\n")[0] + ")", e);
        }
        if (!"success".equals(status)) {
            throw new PartialResponseException(path + ": status " + status + "; expected success");
        }
        if (!warnings.isEmpty()) {
            throw new PartialResponseException(path + ": the querier warned the answer is partial (" + warnings.size() + " warnings)");
        }
        if (!sawData) {
            throw new PartialResponseException(path + ": no data in the answer");
        }
        return readAll;
    }

    /** Label names and values are strings; anything else means the answer is not what it claims. */
    private static String string(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw new IOException("expected a string in data, got " + parser.currentToken());
        }
        return parser.getString();
    }

    private static Map<String, String> labelSet(JsonParser parser) throws IOException {
        Map<String, String> labels = new LinkedHashMap<>();
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new IOException("a series is not an object");
        }
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            if (labels.size() >= MAX_LABELS_PER_SERIES) {
                throw new IOException("a series has more than " + MAX_LABELS_PER_SERIES + " labels");
            }
            labels.put(name, string(parser));
        }
        return labels;
    }
}
