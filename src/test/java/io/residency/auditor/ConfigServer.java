package io.residency.auditor;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server that serves a config body the way Loki's {@code /config} does, behind a
 * bearer token, plus a path that never answers. Loopback only; stops with {@link #close()}.
 */
public final class ConfigServer implements AutoCloseable {

    private final HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger hangRequests = new AtomicInteger();
    private final CountDownLatch firstHang = new CountDownLatch(1);
    private volatile boolean healed;

    public ConfigServer(String path, String body, String token) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext(path, exchange -> {
            requests.incrementAndGet();
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            byte[] bytes = ("Bearer " + token).equals(auth) ? body.getBytes(StandardCharsets.UTF_8) : "unauthorized\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(("Bearer " + token).equals(auth) ? 200 : 401, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.createContext("/hang", exchange -> {
            hangRequests.incrementAndGet();
            firstHang.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (healed) {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
            exchange.close();
        });
        server.start();
    }

    /** From now on /hang answers at once with the config body. */
    public void heal() {
        healed = true;
        release.countDown();
    }

    /** Waits until a client is stuck on /hang; false when none came within {@code limit}. */
    public boolean awaitHangRequest(Duration limit) throws InterruptedException {
        return firstHang.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    public int hangRequests() {
        return hangRequests.get();
    }

    public int requests() {
        return requests.get();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
