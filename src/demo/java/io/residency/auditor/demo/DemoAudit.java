package io.residency.auditor.demo;

import com.robothy.s3.rest.LocalS3;
import com.robothy.s3.rest.bootstrap.LocalS3Mode;
import io.residency.auditor.cli.AuditorCommandLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the audit on the bundled demo estate with the default H2 database. Demo-only code lives
 * in src/demo and is compiled only by the Maven {@code demo} profile, never into the product jar.
 *
 * <p>The demo also shows the S3 and series checks: it starts the in-JVM S3 emulator with the demo
 * estate's buckets in their regions (one forbidden replication rule) and a stand-in Thanos Querier
 * whose federated series leak customer emails, and audits a copy of the estate pointed at both.
 */
public final class DemoAudit {

    private DemoAudit() {
    }

    public static void main(String[] args) throws IOException {
        // The emulator logs a stack trace for every 404 it answers (no replication rules, no tags);
        // for S3 these are ordinary answers, so the demo keeps them off the console.
        System.setProperty("logging.level.com.robothy", "OFF");
        System.setProperty("logging.level.io.netty", "OFF");
        Path estate = Path.of("src/demo/estate/estate.yaml").toAbsolutePath();
        LocalS3 s3 = LocalS3.builder().port(-1).mode(LocalS3Mode.IN_MEMORY).build();
        s3.start();
        int exit;
        try (DemoQuerier querier = new DemoQuerier(); DemoRetentionFront front = new DemoRetentionFront("http://127.0.0.1:" + s3.getPort())) {
            DemoBuckets.create(front.url());
            exit = AuditorCommandLine.execute("audit", "--estate", DemoEstate.withServices(estate, front.url(), querier.url()).toString(),
                    "--out", "reports");
        } finally {
            s3.shutdown();
        }
        printStoreTopology(Path.of("reports"));
        System.exit(exit);
    }

    /**
     * The console lists only what is not PASS; the demo also shows the querier's store topology, read
     * from the newest bundle's findings (run ids sort by time).
     */
    private static void printStoreTopology(Path reports) throws IOException {
        Path newest;
        try (Stream<Path> runs = Files.list(reports)) {
            newest = runs.filter(p -> Files.isRegularFile(p.resolve("findings.json"))).max(Comparator.naturalOrder()).orElse(null);
        }
        if (newest == null) {
            return;
        }
        JsonNode findings = JsonMapper.builder().build().readTree(newest.resolve("findings.json").toFile()).get("findings");
        System.out.println("Stores of the central querier (RES-THANOS-STORES):");
        for (JsonNode finding : findings) {
            if (finding.get("control").asString().equals("RES-THANOS-STORES")) {
                System.out.printf("  %-10s %s%n", finding.get("status").asString(), finding.get("message").asString());
            }
        }
    }
}
