package io.residency.auditor.bench;

import io.residency.auditor.collect.series.PrometheusServer;
import io.residency.auditor.collect.series.QuerierClient;
import io.residency.auditor.collect.series.SeriesScan;
import io.residency.auditor.collect.series.SeriesScanner;
import io.residency.auditor.collect.series.ValueHasher;
import io.residency.auditor.policy.PiiDetection;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Benchmark, run by hand (not a test), on a real Prometheus: the label-first scan of one region's
 * federated series against the naive baseline "fetch every series from /api/v1/series and filter
 * with jq", at 100k and 1M series (10 metric names x N/10 label sets, a fifth with an email label).
 * Run it with a 256 MiB heap to hold the scan to that bound:
 *
 * <pre>./mvnw -q test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *   -Dexec.args="-Xmx256m -cp %classpath io.residency.auditor.bench.SeriesScanBench"</pre>
 */
public final class SeriesScanBench {

    private static final String JQ_FILTER = "[.data[] | select(has(\"user_email\") and (.user_email | test(\"@\")))] | length";

    private SeriesScanBench() {
    }

    public static void main(String[] args) throws Exception {
        for (int series : new int[] {100_000, 1_000_000}) {
            Path work = Files.createTempDirectory("series-bench");
            writeSeries(work.resolve("input.om"), series);
            try (PrometheusServer prometheus = PrometheusServer.startFromFile(work, work.resolve("input.om"))) {
                scan(prometheus); // warm-up: JIT, Prometheus caches
                long start = System.nanoTime();
                SeriesScan scan = scan(prometheus);
                double scanSeconds = (System.nanoTime() - start) / 1e9;
                start = System.nanoTime();
                String baseline = naive(prometheus, work);
                double naiveSeconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("RESULT %,d series: label-first scan %.2f s (%d values scanned, %d flagged labels, %,d flagged series), "
                                + "naive series+jq %.2f s (%s matching series), ratio %.1fx, peak heap %d MiB of max %d MiB%n",
                        series, scanSeconds, scan.scan().valuesScanned(), scan.labels().size(),
                        scan.labels().stream().mapToLong(l -> l.seriesCount()).max().orElse(0), naiveSeconds, baseline.strip(),
                        naiveSeconds / scanSeconds, peakHeapMiB(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
            }
        }
        System.exit(0);
    }

    private static SeriesScan scan(PrometheusServer prometheus) {
        PiiDetection pii = new PiiDetection(List.of("(?i).*e?mail.*"), List.of("email", "ipv4", "payment-card"),
                List.of("__name__", "instance", "job", "pod", "le", "region"));
        QuerierClient client = new QuerierClient(prometheus.url(), Duration.ofSeconds(5), Duration.ofMinutes(10), null);
        return new SeriesScanner(client, "region", pii, ValueHasher.withKey("bench")).scan("eu-west-1");
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

    private static void writeSeries(Path file, int series) throws Exception {
        long t = PrometheusServer.recentSeconds();
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (int metric = 0; metric < 10; metric++) {
                out.write("# TYPE bench_metric_" + metric + " gauge\n");
                for (int i = 0; i < series / 10; i++) {
                    out.write("bench_metric_" + metric + "{region=\"eu-west-1\",job=\"api\",pod=\"pod-" + i + "\"");
                    if (i % 5 == 0) {
                        out.write(",user_email=\"user" + i + "@example.com\"");
                    }
                    out.write("} 1 " + t + "\n");
                }
            }
            out.write("# EOF\n");
        }
    }

    private static long peakHeapMiB() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);
    }
}
