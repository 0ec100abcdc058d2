package io.residency.auditor.collect.s3;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP front for an S3 server that injects what real S3 does under pressure: access
 * denied, throttling (503 SlowDown) for a number of attempts, dropped connections, and latency.
 * It can also answer an operation the server does not implement with S3's own XML (lifecycle,
 * Object Lock), and route each caller to the server of its account by the access key id in its
 * SigV4 Authorization header, as S3 serves each account its own buckets. Everything else is
 * forwarded as is.
 */
public final class FaultyS3Front implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of("host", "content-length", "connection", "expect", "upgrade", "transfer-encoding");

    /** What to do to requests of one operation (location, replication, ...) on one bucket. */
    public record Fault(int status, String code, int times) {
    }

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final String target;
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Set<String> resets = ConcurrentHashMap.newKeySet();
    private final Map<String, String> routes = new ConcurrentHashMap<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    /** A canned S3 answer: status and XML body. */
    private record Answer(int status, String body) {
    }
    private volatile long latencyMillis;
    private final ScheduledExecutorService delayed = Executors.newScheduledThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "s3-front-latency");
        thread.setDaemon(true);
        return thread;
    });

    public FaultyS3Front(String target) throws IOException {
        this.target = target;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        // Latency delays the answer without holding a thread, as a network round trip would.
        server.createContext("/", exchange -> {
            if (latencyMillis > 0) {
                delayed.schedule(() -> handle(exchange), latencyMillis, TimeUnit.MILLISECONDS);
            } else {
                handle(exchange);
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answer {@code status}/{@code code} to the next {@code times} calls of {@code operation} on {@code bucket}. */
    public FaultyS3Front fail(String bucket, String operation, int status, String code, int times) {
        faults.put(bucket + "?" + operation, new Fault(status, code, times));
        return this;
    }

    /** Answer every call of {@code operation} on {@code bucket} with this status and S3 XML body. */
    public FaultyS3Front answer(String bucket, String operation, int status, String xml) {
        answers.put(bucket + "?" + operation, new Answer(status, xml));
        return this;
    }

    /** Send callers whose access key id starts with {@code accessKeyPrefix} to {@code server} instead. */
    public FaultyS3Front route(String accessKeyPrefix, String server) {
        routes.put(accessKeyPrefix, server);
        return this;
    }

    /** Drop the connection without answering, every time. */
    public FaultyS3Front reset(String bucket, String operation) {
        resets.add(bucket + "?" + operation);
        return this;
    }

    /** Add this much latency to every request, as a network round trip would. */
    public FaultyS3Front latency(long millis) {
        this.latencyMillis = millis;
        return this;
    }

    public int hits(String bucket, String operation) {
        return hits.getOrDefault(bucket + "?" + operation, new AtomicInteger()).get();
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
            String bucket = path.length() > 1 ? path.substring(1).split("/")[0] : "";
            String operation = query.split("[=&]")[0];
            String key = bucket + "?" + operation;
            int hit = hits.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            if (resets.contains(key)) {
                return; // closing the exchange unanswered drops the connection
            }
            Fault fault = faults.get(key);
            if (fault != null && hit <= fault.times()) {
                byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + fault.code() + "</Code><Message>"
                        + fault.code() + "</Message><RequestId>front</RequestId></Error>").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/xml");
                exchange.sendResponseHeaders(fault.status(), body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            Answer answer = answers.get(key);
            if (answer != null && (fault == null || hit > fault.times())) {
                byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/xml");
                exchange.sendResponseHeaders(answer.status(), body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            forward(exchange, path, query);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away: nothing to answer
        }
    }

    private void forward(HttpExchange exchange, String path, String query) throws IOException, InterruptedException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(serverFor(exchange) + path + (query.isEmpty() ? "" : "?" + query)))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                values.forEach(value -> request.header(name, value));
            }
        });
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        response.headers().map().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, List.copyOf(values));
            }
        });
        byte[] answer = response.body();
        exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
        if (answer.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    /** The server of the caller's account: SigV4 names the access key as {@code Credential=<key id>/<date>/...}. */
    private String serverFor(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.contains("Credential=")) {
            String keyId = authorization.substring(authorization.indexOf("Credential=") + "Credential=".length()).split("/", 2)[0];
            for (Map.Entry<String, String> route : routes.entrySet()) {
                if (keyId.startsWith(route.getKey())) {
                    return route.getValue();
                }
            }
        }
        return target;
    }

    @Override
    public void close() {
        delayed.shutdownNow();
        server.stop(0);
    }
}
