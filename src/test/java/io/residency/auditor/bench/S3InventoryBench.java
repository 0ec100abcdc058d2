package io.residency.auditor.bench;

import com.robothy.s3.rest.LocalS3;
import com.robothy.s3.rest.bootstrap.LocalS3Mode;
import io.residency.auditor.collect.s3.BucketCollector;
import io.residency.auditor.collect.s3.FaultyS3Front;
import io.residency.auditor.collect.s3.S3ClientFactory;
import io.residency.auditor.collect.s3.S3Scenario;
import io.residency.auditor.estate.AwsSettings;
import io.residency.auditor.facts.BucketInventory;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Benchmark, run by hand (not a test): the bucket inventory of 2,000 buckets in the in-JVM S3
 * emulator, at the default concurrency against concurrency 1, in one run. Each configuration is
 * measured with no added latency and with a few milliseconds per request (a network round trip,
 * which is what concurrency hides against real S3).
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.residency.auditor.bench.S3InventoryBench</pre>
 */
public final class S3InventoryBench {

    private static final int BUCKETS = 2_000;
    private static final String[] REGIONS = {"eu-west-1", "eu-central-1", "us-east-1", "us-west-2"};

    private S3InventoryBench() {
    }

    public static void main(String[] args) throws Exception {
        // The emulator logs a stack trace for every "no such configuration" answer; writing them to
        // the console would be most of what the bench measured.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("com.robothy")).setLevel(ch.qos.logback.classic.Level.OFF);
        // Without it the JDK's HTTP server waits out Nagle and delayed ACKs: 48 ms a call instead of the 5 ms asked for.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        System.setProperty("aws.accessKeyId", S3Scenario.KEY);
        System.setProperty("aws.secretAccessKey", S3Scenario.SECRET);
        LocalS3 emulator = LocalS3.builder().port(-1).mode(LocalS3Mode.IN_MEMORY).s3ExecutorThreadNum(8).build();
        emulator.start();
        String direct = "http://127.0.0.1:" + emulator.getPort();
        try (S3Client seed = S3Scenario.client(direct)) {
            for (int i = 0; i < BUCKETS; i++) {
                S3Scenario.bucket(seed, String.format("bench-%04d", i), REGIONS[i % REGIONS.length], true);
            }
        }
        int concurrency = AwsSettings.DEFAULT_CONCURRENCY;
        System.out.printf("RESULT %,d buckets, 4 S3 calls each (location, replication, encryption, tagging)%n", BUCKETS);
        inventory(direct, concurrency); // warm-up: JIT, connection pools
        report("emulator, direct", direct, concurrency);
        try (FaultyS3Front front = new FaultyS3Front(direct).latency(5)) {
            report("emulator behind a loopback front adding 5 ms per request", front.url(), concurrency);
        }
        emulator.shutdown();
        System.exit(0);
    }

    private static void report(String setup, String endpoint, int concurrency) {
        double parallel = inventory(endpoint, concurrency);
        double serial = inventory(endpoint, 1);
        System.out.printf("RESULT %s: concurrency %d %.1f s, concurrency 1 %.1f s (%.1f ms per call), ratio %.1fx%n",
                setup, concurrency, parallel, serial, serial * 1000 / (BUCKETS * 4.0), serial / parallel);
    }

    private static double inventory(String endpoint, int concurrency) {
        long start = System.nanoTime();
        BucketInventory inventory;
        try (S3Client s3 = S3ClientFactory.create("us-east-1", endpoint, concurrency, Duration.ofSeconds(30))) {
            inventory = new BucketCollector(s3, concurrency).collect(List.of(), List.of());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (inventory.buckets().size() != BUCKETS || inventory.buckets().stream().anyMatch(b -> !"OK".equals(b.status()))) {
            throw new IllegalStateException("the inventory is incomplete: " + inventory.buckets().size() + " buckets");
        }
        return seconds;
    }
}
