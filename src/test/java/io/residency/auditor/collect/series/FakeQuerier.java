package io.residency.auditor.collect.series;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** An in-JVM stand-in for what only Thanos does: warnings, HTTP 422, hanging and cut-off answers. */
public final class FakeQuerier implements AutoCloseable {

    /** OK answers two labels; STATUS_LAST answers three series with the status after the data. */
    public enum Mode { WARNINGS, HTTP_422, HTTP_500, HANG, TRUNCATED, NOT_JSON, OK, STATUS_LAST }

    private final HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    public FakeQuerier(Mode mode) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            try (exchange) {
                authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                String body = switch (mode) {
                    case WARNINGS -> "{\"status\":\"success\",\"data\":[\"__name__\",\"region\",\"user\"],"
                            + "\"warnings\":[\"store eu-west-1-store-gateway: context deadline exceeded\"]}";
                    case TRUNCATED -> "{\"status\":\"success\",\"data\":[\"__name__\",\"reg";
                    case NOT_JSON -> "<html>502 Bad Gateway</html>";
                    case STATUS_LAST -> "{\"data\":[{\"__name__\":\"a\"},{\"__name__\":\"b\"},{\"__name__\":\"c\"}],\"status\":\"success\"}";
                    case HTTP_422, HTTP_500, HANG, OK -> "{\"status\":\"success\",\"data\":[\"__name__\",\"region\"]}";
                };
                if (mode == Mode.HANG) {
                    release.await(60, TimeUnit.SECONDS);
                    return;
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(mode == Mode.HTTP_422 ? 422 : mode == Mode.HTTP_500 ? 500 : 200, mode == Mode.TRUNCATED ? bytes.length + 100 : bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException cutOff) {
                // the truncated mode closes early on purpose
            }
        });
        server.start();
    }

    /** The Authorization header of every request so far ("null" where there was none). */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
