package io.residency.auditor.hostile;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;

/**
 * An in-JVM querier whose answers are written as they stream (chunked): a test can send six
 * million label names without holding them, as a runaway Thanos would.
 */
final class StreamingQuerier implements AutoCloseable {

    private final HttpServer server;

    /** @param answer writes the body of the answer to a request path (e.g. /api/v1/labels) */
    StreamingQuerier(BiConsumer<String, OutputStream> answer) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "streaming-querier");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    answer.accept(exchange.getRequestURI().getPath(), out);
                }
            } catch (IOException | UncheckedIOException closedByTheClient) {
                // the client stopped reading: that is the bound working
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** {"status":"success","data":["name0","name1",...]} with {@code count} names, streamed. */
    static void names(OutputStream out, long count) {
        try {
            out.write("{\"status\":\"success\",\"data\":[".getBytes());
            byte[] comma = {','};
            for (long i = 0; i < count; i++) {
                if (i > 0) {
                    out.write(comma);
                }
                out.write(("\"label_" + i + "\"").getBytes());
            }
            out.write("]}".getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void body(OutputStream out, String body) {
        try {
            out.write(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
