package io.residency.auditor.hostile;

import io.residency.auditor.collect.series.QuerierClient;
import io.residency.auditor.collect.series.SeriesScan;
import io.residency.auditor.collect.series.SeriesScanner;
import io.residency.auditor.collect.series.ValueHasher;
import io.residency.auditor.policy.PiiDetection;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.List;

/**
 * Run in a child JVM with a capped heap: a querier streams six million label names (or one label
 * value of {@code args[1]} characters) and the scanner must end with UNVERIFIED, not an
 * OutOfMemoryError. Prints "status=... millis=... peakHeapMiB=... reason=...".
 */
public final class SixMillionNames {

    private SixMillionNames() {
    }

    public static void main(String[] args) {
        String what = args.length > 0 ? args[0] : "names";
        long size = args.length > 1 ? Long.parseLong(args[1]) : 6_000_000;
        try (StreamingQuerier querier = new StreamingQuerier((path, out) -> {
            if (what.equals("names") || path.endsWith("/labels")) {
                if (what.equals("names")) {
                    StreamingQuerier.names(out, size);
                } else {
                    StreamingQuerier.body(out, "{\"status\":\"success\",\"data\":[\"region\",\"comment\"]}");
                }
            } else {
                StreamingQuerier.body(out, "{\"status\":\"success\",\"data\":[\"" + "a".repeat((int) size) + "\"]}");
            }
        })) {
            QuerierClient client = new QuerierClient(querier.url(), Duration.ofSeconds(5), Duration.ofSeconds(600), null);
            SeriesScanner scanner = new SeriesScanner(client, "region",
                    new PiiDetection(List.of("(?i).*mail.*"), List.of("email", "ipv4", "ipv6", "e164-phone", "payment-card", "iban"), List.of()), ValueHasher.withKey("k"), 100);
            long start = System.nanoTime();
            SeriesScan scan = scanner.scan("eu-west-1");
            long millis = (System.nanoTime() - start) / 1_000_000;
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.println("status=" + scan.scan().status() + " millis=" + millis + " peakHeapMiB=" + peak / (1024 * 1024)
                    + " reason=" + scan.scan().reason());
        }
    }
}
