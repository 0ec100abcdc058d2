package io.residency.auditor.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.residency.auditor.CliRun;
import io.residency.auditor.TestPaths;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run metrics land in a real Pushgateway (Debian's prometheus-pushgateway), started by the test. */
class PushgatewayTest {

    @TempDir
    static Path dir;

    private static Process pushgateway;
    private static String url;

    @BeforeAll
    static void startPushgateway() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/prometheus-pushgateway")), "prometheus-pushgateway is not installed (.ci/run installs it)");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        url = "http://127.0.0.1:" + port;
        pushgateway = new ProcessBuilder("/usr/bin/prometheus-pushgateway", "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("pushgateway.log").toFile()).start();
        // Ready when it answers with its own metrics; refused connections until then.
        Awaitility.await("the pushgateway's start").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .ignoreExceptionsInstanceOf(IOException.class).failFast("the pushgateway exited", () -> !pushgateway.isAlive())
                .until(() -> metrics().contains("pushgateway_build_info"));
    }

    @AfterAll
    static void stopPushgateway() throws InterruptedException {
        if (pushgateway != null) {
            pushgateway.destroy();
            pushgateway.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String metrics() throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void everyRunPushesItsFindingsSuccessDurationAndTime() throws IOException, InterruptedException {
        Path estate = dir.resolve("estate.yaml");
        Files.writeString(estate, Files.readString(TestPaths.resource("controls/loki-violating/estate.yaml"))
                + "name: pushed-estate\npushgateway: " + url + "\n");
        Files.copy(TestPaths.resource("controls/loki-violating/loki.yaml"), dir.resolve("loki.yaml"));

        CliRun run = CliRun.of("audit", "--estate", estate.toString(), "--out", dir.resolve("out").toString(),
                "--db", "jdbc:h2:mem:" + UUID.randomUUID());
        String pushed = metrics();

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.stderr()).contains("pushed run metrics");
        assertThat(pushed).contains(
                "residency_findings{control=\"RES-LOKI-STORAGE\",estate=\"pushed-estate\",instance=\"\",job=\"residency_auditor\",region=\"eu-west-1\",severity=\"critical\",status=\"FAIL\"} 1",
                "residency_run_success{estate=\"pushed-estate\",instance=\"\",job=\"residency_auditor\"} 1");
        assertThat(pushed).containsPattern("residency_run_duration_seconds\\{estate=\"pushed-estate\"[^}]*} [0-9.e+-]+");
        assertThat(pushed).containsPattern("residency_last_run_timestamp_seconds\\{estate=\"pushed-estate\"[^}]*} 1\\.[0-9]+e\\+09");
    }

    @Test
    void anUnreachablePushgatewayIsAWarningNotAFailedRun() throws IOException {
        Path estate = dir.resolve("estate-unreachable.yaml");
        Files.writeString(estate, Files.readString(TestPaths.resource("controls/loki-compliant/estate.yaml")) + "pushgateway: http://127.0.0.1:1\n");
        Files.copy(TestPaths.resource("controls/loki-compliant/loki.yaml"), dir.resolve("loki.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        CliRun run = CliRun.of("audit", "--estate", estate.toString(), "--out", dir.resolve("out2").toString(),
                "--db", "jdbc:h2:mem:" + UUID.randomUUID());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.stderr()).contains("Run metrics not pushed to 127.0.0.1");
    }
}
