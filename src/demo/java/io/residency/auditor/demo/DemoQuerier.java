package io.residency.auditor.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tiny stand-in for the central Thanos Querier, for the demo only: the labels, label values and
 * series endpoints over a handful of federated series, one of which leaks customer emails; its flags,
 * with the platform description's {@code --query.replica-label=region}; and an EU and a US store
 * gateway and sidecar as its stores.
 */
final class DemoQuerier implements AutoCloseable {

    private static final List<Map<String, String>> SERIES = List.of(
            Map.of("__name__", "http_requests:rate5m", "region", "eu-west-1", "job", "api", "le", "0.5"),
            Map.of("__name__", "http_requests:rate5m", "region", "us-east-1", "job", "api", "le", "0.5"),
            Map.of("__name__", "checkout_total", "region", "eu-west-1", "job", "shop", "customer_email", "jane.doe@example.com"),
            Map.of("__name__", "checkout_total", "region", "eu-west-1", "job", "shop", "customer_email", "max.muster@example.de"),
            Map.of("__name__", "ledger_postings:sum", "region", "us-east-1", "job", "ledger", "instance", "10.1.2.3:9100"));
    /** As Thanos answers: every flag a string, the repeated replica label comma-joined. */
    private static final Map<String, String> FLAGS = Map.of("query.replica-label", "replica,region", "query.timeout", "2m0s");
    private static final Map<String, List<Map<String, Object>>> STORES = Map.of(
            "store", List.of(store("store-gateway.eu-west-1.svc:10901", "eu-west-1"), store("store-gateway.us-east-1.svc:10901", "us-east-1")),
            "sidecar", List.of(store("prometheus-0.eu-west-1.svc:10901", "eu-west-1"), store("prometheus-0.us-east-1.svc:10901", "us-east-1")));
    private static final Pattern MATCHER = Pattern.compile("(\\w+)(!?=)\"([^\"]*)\"");

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();

    DemoQuerier() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String query = URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
            List<Map<String, String>> matching = SERIES.stream().filter(s -> matches(s, query)).toList();
            Object data;
            if (path.equals("/api/v1/status/flags")) {
                data = FLAGS;
            } else if (path.equals("/api/v1/stores")) {
                data = STORES;
            } else if (path.equals("/api/v1/labels")) {
                data = matching.stream().flatMap(s -> s.keySet().stream()).collect(Collectors.toCollection(TreeSet::new));
            } else if (path.startsWith("/api/v1/label/")) {
                String label = path.substring("/api/v1/label/".length(), path.length() - "/values".length());
                data = matching.stream().map(s -> s.get(label)).filter(v -> v != null).collect(Collectors.toCollection(TreeSet::new));
            } else {
                data = matching;
            }
            byte[] body = json.writeValueAsBytes(Map.of("status", "success", "data", data));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static Map<String, Object> store(String name, String region) {
        Map<String, Object> store = new java.util.LinkedHashMap<>();
        store.put("name", name);
        store.put("lastCheck", "2026-11-24T02:00:00Z");
        store.put("lastError", null);
        store.put("labelSets", List.of(Map.of("region", region, "replica", "0")));
        store.put("minTime", 1_700_000_000_000L);
        store.put("maxTime", 1_790_000_000_000L);
        return store;
    }

    private static boolean matches(Map<String, String> series, String query) {
        Matcher matcher = MATCHER.matcher(query);
        while (matcher.find()) {
            String value = series.getOrDefault(matcher.group(1), "");
            boolean equal = value.equals(matcher.group(3));
            if (matcher.group(2).equals("=") != equal) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
