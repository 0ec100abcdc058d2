package io.residency.auditor.collect.series;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * An in-JVM stand-in for what only a Thanos Querier answers: {@code /api/v1/status/flags} with
 * {@code query.replica-label} and {@code /api/v1/stores}, each with the status and body a test
 * gives. Every region has one clean series ({@code up}), so the series scan finds series everywhere;
 * the region label's values across all series ({@code match[]={region!=""}}) are eu-west-1 and
 * us-east-1 unless a test gives another answer.
 */
public final class ThanosStandIn implements AutoCloseable {

    /** One answer: HTTP status and body. */
    public record Answer(int status, String body) {
        public static Answer ok(String data) {
            return new Answer(200, "{\"status\":\"success\",\"data\":" + data + "}");
        }
    }

    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    /** The regions the stand-in's series carry by default: the regions of the tests' estates. */
    public static final Answer EU_AND_US_SERIES = Answer.ok("[\"eu-west-1\",\"us-east-1\"]");

    public ThanosStandIn(Answer flags, Answer stores) throws IOException {
        this(flags, stores, EU_AND_US_SERIES);
    }

    /** @param seriesRegions the answer to the region label's values across all series */
    public ThanosStandIn(Answer flags, Answer stores, Answer seriesRegions) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                requests.add(path + "?" + exchange.getRequestURI().getRawQuery());
                Answer answer = switch (path) {
                    case "/api/v1/status/flags" -> flags;
                    case "/api/v1/stores" -> stores;
                    case "/api/v1/labels" -> Answer.ok("[\"__name__\",\"region\"]");
                    case "/api/v1/series" -> Answer.ok("[{\"__name__\":\"up\"}]");
                    case "/api/v1/label/region/values" -> String.valueOf(exchange.getRequestURI().getQuery()).contains("match[]={region!=\"\"}")
                            ? seriesRegions : Answer.ok("[\"up\"]");
                    default -> path.startsWith("/api/v1/label/") ? Answer.ok("[\"up\"]") : new Answer(404, "404 page not found");
                };
                byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(answer.status(), bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        });
        server.start();
    }

    /** Path and query of every request so far. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A Thanos flags answer naming the replica labels as Thanos does: one comma-joined string. */
    public static Answer replicaLabels(String joined) {
        return Answer.ok("{\"query.replica-label\":\"" + joined + "\",\"query.timeout\":\"2m0s\"}");
    }

    /** A store entry as Thanos lists it, with its external label sets (JSON objects). */
    public static String store(String name, String... labelSets) {
        return "{\"name\":\"" + name + "\",\"lastCheck\":\"2026-11-24T02:00:00Z\",\"lastError\":null,\"labelSets\":["
                + String.join(",", labelSets) + "],\"minTime\":1700000000000,\"maxTime\":9223372036854775807}";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
