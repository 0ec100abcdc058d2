package io.residency.auditor.bench;

import com.robothy.s3.rest.LocalS3;
import com.robothy.s3.rest.bootstrap.LocalS3Mode;
import io.residency.auditor.collect.s3.S3Scenario;
import io.residency.auditor.collect.series.PrometheusServer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ReplicationRule;
import software.amazon.awssdk.services.s3.model.ReplicationRuleStatus;

/**
 * The world of the night-at-scale benchmark (bench/night-at-scale.sh), run by hand, not a test: it
 * writes an estate of N config files over four regions, serves N buckets from the in-JVM S3 emulator
 * and, with M series, a real Prometheus backfilled by promtool as the querier; then prints
 * {@code READY <estate.yaml>} and serves until stopped (SIGTERM). Both builds audit the same world.
 *
 * <pre>java -cp ... io.residency.auditor.bench.ScaleEstate --files 2000 --buckets 2000 --series 1000000 --dir /tmp/scale</pre>
 *
 * The same arguments give the same estate and world. Roughly one finding in ten is a problem: every
 * tenth config stores or sends out of its jurisdiction, every tenth bucket lives elsewhere than its
 * config says, every twentieth replicates across jurisdictions, one series in five carries an email.
 */
public final class ScaleEstate {

    private static final String[] REGIONS = {"eu-west-1", "eu-central-1", "us-east-1", "us-west-2"};
    private static final String[] KINDS = {"loki", "tempo", "otel-collector", "prometheus"};

    private ScaleEstate() {
    }

    public static void main(String[] args) throws Exception {
        int files = intArg(args, "--files", 2_000);
        int buckets = intArg(args, "--buckets", files);
        int series = intArg(args, "--series", 0);
        Path dir = Path.of(stringArg(args, "--dir", "target/scale"));
        // The emulator logs a stack trace for every "no such configuration" answer: most of the bench otherwise.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("com.robothy")).setLevel(ch.qos.logback.classic.Level.OFF);
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.netty")).setLevel(ch.qos.logback.classic.Level.OFF);
        Files.createDirectories(dir.resolve("configs"));

        LocalS3 emulator = LocalS3.builder().port(-1).mode(LocalS3Mode.IN_MEMORY).s3ExecutorThreadNum(4).build();
        emulator.start();
        String s3 = "http://127.0.0.1:" + emulator.getPort();
        try (S3Client client = S3Scenario.client(s3)) {
            for (int b = 0; b < buckets; b++) {
                S3Scenario.bucket(client, bucket(b), actualRegion(b), true);
            }
            for (int b = 0; b < buckets; b += 20) {
                replicate(client, bucket(b), bucket((b + 2) % buckets));
            }
        }
        PrometheusServer prometheus = series > 0 ? startPrometheus(dir, series) : null;
        Path estate = writeEstate(dir, files, buckets, s3, prometheus == null ? null : prometheus.url());

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.shutdown();
            if (prometheus != null) {
                try {
                    prometheus.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            stopped.countDown();
        }));
        System.out.println("READY " + estate.toAbsolutePath() + " (S3 access key " + S3Scenario.KEY + ", secret " + S3Scenario.SECRET + ")");
        System.out.flush();
        stopped.await();
    }

    private static String bucket(int b) {
        return String.format(Locale.ROOT, "scale-%05d", b);
    }

    /** The region a config declares for bucket b. */
    private static String declaredRegion(int b) {
        return REGIONS[b % REGIONS.length];
    }

    /** Where S3 really keeps bucket b: every tenth bucket sits in the next region (a location finding). */
    private static String actualRegion(int b) {
        return b % 10 == 5 ? REGIONS[(b + 1) % REGIONS.length] : declaredRegion(b);
    }

    private static void replicate(S3Client s3, String source, String destination) {
        s3.putBucketVersioning(r -> r.bucket(source).versioningConfiguration(v -> v.status("Enabled")));
        ReplicationRule rule = ReplicationRule.builder().id("copy").status(ReplicationRuleStatus.ENABLED).priority(1)
                .filter(f -> f.prefix("")).deleteMarkerReplication(d -> d.status("Disabled"))
                .destination(d -> d.bucket("arn:aws:s3:::" + destination)).build();
        s3.putBucketReplication(r -> r.bucket(source).replicationConfiguration(c -> c
                .role("arn:aws:iam::111122223333:role/replication").rules(rule)));
    }

    private static Path writeEstate(Path dir, int files, int buckets, String s3, String querier) throws IOException {
        List<List<String>> sources = new ArrayList<>();
        for (String ignored : REGIONS) {
            sources.add(new ArrayList<>());
        }
        for (int i = 0; i < files; i++) {
            int region = i % REGIONS.length;
            String kind = KINDS[(i / REGIONS.length) % KINDS.length];
            String file = String.format(Locale.ROOT, "configs/%05d-%s.yaml", i, kind);
            Files.writeString(dir.resolve(file), config(kind, i, REGIONS[region], i % buckets));
            sources.get(region).add("      - {kind: " + kind + ", file: " + file + "}");
        }
        Path estate = dir.resolve("estate.yaml");
        try (BufferedWriter out = Files.newBufferedWriter(estate)) {
            out.write("name: scale\nregions:\n");
            for (int r = 0; r < REGIONS.length; r++) {
                out.write("  - name: " + REGIONS[r] + "\n    sources:\n");
                for (String line : sources.get(r)) {
                    out.write(line + "\n");
                }
            }
            if (querier != null) {
                out.write("central:\n  region: us-east-1\n  thanos: {url: \"" + querier + "\", regionLabel: region}\n");
            }
            out.write("aws:\n  region: us-east-1\n  endpoint: " + s3 + "\n  buckets: all\n");
            out.write("tenants:\n  - {id: finance, sox: true, home: us-east-1}\n");
            out.write("endpoints:\n");
            for (String region : REGIONS) {
                out.write("  " + region + ": [\"*." + region + ".observe.internal\"]\n");
            }
        }
        return estate;
    }

    /** One config of the kind; every tenth one points out of its jurisdiction. */
    private static String config(String kind, int i, String region, int bucket) {
        boolean stray = i % 10 == 3;
        String bucketRegion = stray ? (region.startsWith("eu") ? "us-east-1" : "eu-west-1") : declaredRegion(bucket);
        String target = (stray ? "vendor-" + i + ".example.com" : "gw-" + i + "." + region + ".observe.internal");
        return switch (kind) {
            case "loki" -> """
                    schema_config:
                      configs:
                        - {from: 2024-01-01, store: tsdb, object_store: aws, schema: v13, index: {prefix: i_, period: 24h}}
                    storage_config:
                      aws: {bucketnames: %s, region: %s}
                    limits_config: {retention_period: 61368h}
                    compactor: {retention_enabled: true}
                    """.formatted(bucket(bucket), bucketRegion);
            case "tempo" -> """
                    storage:
                      trace:
                        backend: s3
                        s3: {bucket: %s, endpoint: s3.%s.amazonaws.com}
                    """.formatted(bucket(bucket), bucketRegion);
            case "otel-collector" -> """
                    receivers: {otlp: {protocols: {grpc: {}}}}
                    exporters:
                      otlphttp/logs: {endpoint: "https://%s"}
                      otlp/traces: {endpoint: "%s:4317"}
                    service:
                      pipelines:
                        logs: {receivers: [otlp], exporters: [otlphttp/logs]}
                        traces: {receivers: [otlp], exporters: [otlp/traces]}
                    """.formatted(target, "tempo-" + i + "." + region + ".observe.internal");
            default -> """
                    global: {scrape_interval: 30s}
                    remote_write:
                      - url: https://%s/api/v1/receive
                    """.formatted(target);
        };
    }

    /** 10 metrics × series/10 pods per region pair; every fifth pod's series carries an email (as SeriesScanBench). */
    private static PrometheusServer startPrometheus(Path dir, int series) throws Exception {
        Path work = dir.resolve("prometheus");
        Files.createDirectories(work);
        Path input = work.resolve("input.om");
        long t = PrometheusServer.recentSeconds();
        try (BufferedWriter out = Files.newBufferedWriter(input)) {
            for (int metric = 0; metric < 10; metric++) {
                out.write("# TYPE scale_metric_" + metric + " gauge\n");
                for (int i = 0; i < series / 10; i++) {
                    out.write("scale_metric_" + metric + "{region=\"" + REGIONS[i % REGIONS.length] + "\",job=\"api\",pod=\"pod-" + i + "\"");
                    if (i % 5 == 0) {
                        out.write(",user_email=\"user" + (i / 5) % 50 + "@example.com\"");
                    }
                    out.write("} 1 " + t + "\n");
                }
            }
            out.write("# EOF\n");
        }
        return PrometheusServer.startFromFile(work, input);
    }

    private static int intArg(String[] args, String name, int fallback) {
        String value = stringArg(args, name, null);
        return value == null ? fallback : Integer.parseInt(value.replace("_", ""));
    }

    private static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
