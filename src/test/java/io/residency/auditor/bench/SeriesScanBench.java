package io.residency.auditor.bench;

import io.residency.auditor.collect.series.PrometheusServer;
import io.residency.auditor.collect.series.QuerierClient;
import io.residency.auditor.collect.series.SeriesScan;
import io.residency.auditor.collect.series.SeriesScanner;
import io.residency.auditor.collect.series.ValueHasher;
import io.residency.auditor.estate.Thanos;
import io.residency.auditor.facts.SeriesLabelFact;
import io.residency.auditor.policy.PiiDetection;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Benchmark, run by hand (not a test), on a real Prometheus: the label-first scan of one region's
 * federated series against the naive baseline "fetch every series from /api/v1/series and filter
 * with jq", at 100k and 1M series (10 metric names x N/10 label sets, a fifth with an email label),
 * and at 1M series with only as many distinct emails as at 100k, to show what the cost follows.
 * Each scan is timed as the median of five, once with the default series-count limit and once
 * counting every flagged series, against the baseline measured in the same run.
 * Needs prometheus, promtool, curl and jq on PATH. Run it with a 256 MiB heap to hold the scan to that bound:
 *
 * <pre>./mvnw -q test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *   -Dexec.args="-Xmx256m -cp %classpath io.residency.auditor.bench.SeriesScanBench"</pre>
 */
public final class SeriesScanBench {

    private static final String JQ_FILTER = "[.data[] | select(has(\"user_email\") and (.user_email | test(\"@\")))] | length";

    private SeriesScanBench() {
    }

    public static void main(String[] args) throws Exception {
        // The scanner's per-scan INFO line would interleave with the results.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.residency")).setLevel(ch.qos.logback.classic.Level.WARN);
        // {series, distinct emails}: 10x series with 10x values, then 10x series with the same values.
        for (int[] dataset : new int[][] {{100_000, 2_000}, {1_000_000, 20_000}, {1_000_000, 2_000}}) {
            int series = dataset[0];
            Path work = Files.createTempDirectory("series-bench");
            writeSeries(work.resolve("input.om"), series, dataset[1]);
            try (PrometheusServer prometheus = PrometheusServer.startFromFile(work, work.resolve("input.om"))) {
                scan(prometheus, Thanos.DEFAULT_SERIES_COUNT_LIMIT); // warm-up: JIT, Prometheus caches
                scan(prometheus, Long.MAX_VALUE);
                Timed<String> naive = timed(3, () -> naive(prometheus, work));
                double naiveSeconds = naive.median();
                System.out.printf("RESULT %,d series, %,d distinct emails: naive series+jq %.2f s median of 3 (%.2f-%.2f; %s matching series)%n",
                        series, dataset[1], naiveSeconds, naive.min(), naive.max(), naive.result().strip());
                report("default limit", prometheus, Thanos.DEFAULT_SERIES_COUNT_LIMIT, naiveSeconds);
                report("every series counted", prometheus, Long.MAX_VALUE, naiveSeconds);
            }
            deleteTree(work);
        }
        System.out.printf("RESULT peak heap %d MiB of max %d MiB%n", peakHeapMiB(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        System.exit(0);
    }

    /** The median of five scans, against the naive baseline measured in the same run. */
    private static void report(String mode, PrometheusServer prometheus, long limit, double naiveSeconds) throws Exception {
        Timed<SeriesScan> timed = timed(5, () -> scan(prometheus, limit));
        SeriesScan scan = timed.result();
        double median = timed.median();
        SeriesLabelFact flagged = scan.labels().get(0);
        System.out.printf("RESULT   label-first scan, %s: %.3f s median (%.3f-%.3f), %d values scanned, %d flagged labels, "
                        + "%s%,d flagged series; %.1fx faster than naive%n", mode, median, timed.min(), timed.max(),
                scan.scan().valuesScanned(), scan.labels().size(), flagged.seriesCountComplete() ? "" : "more than ",
                flagged.seriesCount(), naiveSeconds / median);
    }

    private record Timed<T>(T result, double median, double min, double max) {
    }

    /** Runs {@code task} {@code times} times; the result of the last run, and the median, fastest and slowest seconds. */
    private static <T> Timed<T> timed(int times, Callable<T> task) throws Exception {
        double[] seconds = new double[times];
        T result = null;
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            result = task.call();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        return new Timed<>(result, seconds[times / 2], seconds[0], seconds[times - 1]);
    }

    private static SeriesScan scan(PrometheusServer prometheus, long limit) {
        PiiDetection pii = new PiiDetection(List.of("(?i).*e?mail.*"), List.of("email", "ipv4", "payment-card"),
                List.of("__name__", "instance", "job", "pod", "le", "region"));
        QuerierClient client = new QuerierClient(prometheus.url(), Duration.ofSeconds(5), Duration.ofMinutes(10), null);
        return new SeriesScanner(client, "region", pii, ValueHasher.withKey("bench"), limit).scan("eu-west-1");
    }

    /** The baseline: every series of the region as one JSON document, filtered by jq. */
    private static String naive(PrometheusServer prometheus, Path work) throws Exception {
        Path body = work.resolve("series.json");
        Process curl = new ProcessBuilder("curl", "-sf", "-o", body.toString(), "-G", prometheus.url() + "/api/v1/series",
                "--data-urlencode", "match[]={region=\"eu-west-1\"}").inheritIO().start();
        if (curl.waitFor() != 0) {
            throw new IllegalStateException("curl failed");
        }
        Process jq = new ProcessBuilder("jq", JQ_FILTER, body.toString()).redirectErrorStream(true).start();
        String out = new String(jq.getInputStream().readAllBytes());
        if (jq.waitFor() != 0) {
            throw new IllegalStateException("jq failed: " + out);
        }
        return out;
    }

    /** 10 metrics x series/10 pods; every fifth pod's series carries one of {@code emails} distinct addresses. */
    private static void writeSeries(Path file, int series, int emails) throws Exception {
        long t = PrometheusServer.recentSeconds();
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (int metric = 0; metric < 10; metric++) {
                out.write("# TYPE bench_metric_" + metric + " gauge\n");
                for (int i = 0; i < series / 10; i++) {
                    out.write("bench_metric_" + metric + "{region=\"eu-west-1\",job=\"api\",pod=\"pod-" + i + "\"");
                    if (i % 5 == 0) {
                        out.write(",user_email=\"user" + (i / 5) % emails + "@example.com\"");
                    }
                    out.write("} 1 " + t + "\n");
                }
            }
            out.write("# EOF\n");
        }
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static long peakHeapMiB() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);
    }
}
