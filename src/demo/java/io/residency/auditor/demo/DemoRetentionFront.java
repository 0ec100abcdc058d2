package io.residency.auditor.demo;

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
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * The demo's S3 as the auditor sees it: the in-JVM emulator behind a loopback front that answers
 * what the emulator does not implement, GetBucketLifecycleConfiguration and
 * GetObjectLockConfiguration, with S3's own XML. The SOX stack's chunk bucket has Object Lock
 * (COMPLIANCE, 8 years) and a lifecycle rule that only clears tmp/; every other bucket has neither.
 */
final class DemoRetentionFront implements AutoCloseable {

    static final String LOCKED_BUCKET = "acme-loki-chunks-us";

    private static final Set<String> HOP_BY_HOP = Set.of("host", "content-length", "connection", "expect", "upgrade", "transfer-encoding");

    private static final String LIFECYCLE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <LifecycleConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
                <Rule>
                    <ID>clear-tmp</ID>
                    <Filter><Prefix>tmp/</Prefix></Filter>
                    <Status>Enabled</Status>
                    <Expiration><Days>7</Days></Expiration>
                </Rule>
            </LifecycleConfiguration>
            """;
    private static final String OBJECT_LOCK = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ObjectLockConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
                <ObjectLockEnabled>Enabled</ObjectLockEnabled>
                <Rule><DefaultRetention><Mode>COMPLIANCE</Mode><Years>8</Years></DefaultRetention></Rule>
            </ObjectLockConfiguration>
            """;
    private static final String NO_LIFECYCLE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchLifecycleConfiguration</Code>"
            + "<Message>The lifecycle configuration does not exist</Message></Error>";
    private static final String NO_OBJECT_LOCK = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>ObjectLockConfigurationNotFoundError</Code>"
            + "<Message>Object Lock configuration does not exist for this bucket</Message></Error>";

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final String emulator;

    DemoRetentionFront(String emulator) throws IOException {
        this.emulator = emulator;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "demo-s3-front");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
            String bucket = path.length() > 1 ? path.substring(1).split("/")[0] : "";
            String operation = query.split("[=&]")[0];
            boolean locked = LOCKED_BUCKET.equals(bucket);
            if ("GET".equals(exchange.getRequestMethod()) && operation.equals("lifecycle")) {
                answer(exchange, locked ? 200 : 404, locked ? LIFECYCLE : NO_LIFECYCLE);
            } else if ("GET".equals(exchange.getRequestMethod()) && operation.equals("object-lock")) {
                answer(exchange, locked ? 200 : 404, locked ? OBJECT_LOCK : NO_OBJECT_LOCK);
            } else {
                forward(exchange, path, query);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private void forward(HttpExchange exchange, String path, String query) throws IOException, InterruptedException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator + path + (query.isEmpty() ? "" : "?" + query)))
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

    @Override
    public void close() {
        server.stop(0);
    }
}
