package io.residency.auditor.collect.series;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * A real Prometheus server (Debian's {@code prometheus} package) holding series backfilled with
 * {@code promtool tsdb create-blocks-from openmetrics}, on a free loopback port. It serves the
 * same HTTP API as the Thanos Querier. Stops with {@link #close()}.
 */
public final class PrometheusServer implements AutoCloseable {

    private final Process process;
    private final int port;

    private PrometheusServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Whether the binaries are installed (CI installs them; tests that need them are skipped without). */
    public static boolean available() {
        return onPath("prometheus") && onPath("promtool");
    }

    /**
     * @param openMetrics the series, in OpenMetrics text (timestamps in seconds), ending in {@code # EOF}
     */
    public static PrometheusServer start(Path work, String openMetrics) throws IOException, InterruptedException {
        Path input = work.resolve("series.om");
        Files.writeString(input, openMetrics);
        return startFromFile(work, input);
    }

    /** @param input an OpenMetrics file (timestamps in seconds) ending in {@code # EOF} */
    public static PrometheusServer startFromFile(Path work, Path input) throws IOException, InterruptedException {
        Path data = work.resolve("data");
        run(List.of("promtool", "tsdb", "create-blocks-from", "openmetrics", input.toString(), data.toString()), work);
        Path config = work.resolve("prometheus.yml");
        Files.writeString(config, "global:\n  scrape_interval: 1h\n");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder("prometheus", "--config.file=" + config, "--storage.tsdb.path=" + data,
                "--storage.tsdb.retention.time=100y", "--web.listen-address=127.0.0.1:" + port, "--log.level=warn")
                .redirectErrorStream(true).redirectOutput(work.resolve("prometheus.log").toFile()).start();
        PrometheusServer server = new PrometheusServer(process, port);
        server.awaitReady(Duration.ofSeconds(60));
        return server;
    }

    /** A Prometheus with no series, running the given configuration, for tests of what its API says about itself. */
    public static PrometheusServer startWithConfig(Path work, String configYaml) throws IOException, InterruptedException {
        Path config = work.resolve("prometheus.yml");
        Files.writeString(config, configYaml);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder("prometheus", "--config.file=" + config, "--storage.tsdb.path=" + work.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port, "--log.level=error")
                .redirectErrorStream(true).redirectOutput(work.resolve("prometheus.log").toFile()).start();
        PrometheusServer server = new PrometheusServer(process, port);
        server.awaitReady(Duration.ofSeconds(60));
        return server;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** A timestamp (seconds) inside the backfilled range Prometheus keeps. */
    public static long recentSeconds() {
        return Instant.now().minus(Duration.ofHours(3)).getEpochSecond();
    }

    private void awaitReady(Duration limit) throws IOException, InterruptedException {
        // Ready when /-/ready says 200; refused connections until it listens.
        Awaitility.await("prometheus ready").atMost(limit).pollInterval(Duration.ofMillis(200))
                .ignoreExceptionsInstanceOf(IOException.class).failFast("prometheus exited", () -> !process.isAlive())
                .until(() -> {
                    HttpURLConnection connection = (HttpURLConnection) URI.create(url() + "/-/ready").toURL().openConnection();
                    connection.setConnectTimeout(500);
                    return connection.getResponseCode() == 200;
                });
    }

    private static void run(List<String> command, Path work) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve("promtool.log").toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + Files.readString(work.resolve("promtool.log")));
        }
    }

    private static boolean onPath(String binary) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, binary)));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
