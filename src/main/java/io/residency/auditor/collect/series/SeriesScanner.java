package io.residency.auditor.collect.series;

import io.residency.auditor.collect.Progress;
import io.residency.auditor.facts.SeriesLabelFact;
import io.residency.auditor.facts.SeriesScanFact;
import io.residency.auditor.policy.PiiDetection;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks for personal data in the series a region federates to the central querier, label first:
 * the label names of the region's series, then the values of each label that is not an allowed
 * infrastructure label, and the series themselves only for labels found carrying personal data.
 * The cost follows the number of distinct label values, not the number of series.
 */
public final class SeriesScanner {

    private static final Logger log = LoggerFactory.getLogger(SeriesScanner.class);
    private static final int MAX_METRICS = 20;

    private final QuerierClient querier;
    private final String regionLabel;
    private final Set<String> allowLabels;
    private final List<Pattern> namePatterns;
    private final List<ValueDetector> detectors;
    private final ValueHasher hasher;
    private final long seriesCountLimit;
    private final Clock clock;
    private final Instant deadline;
    private final Duration scanDeadline;
    /** Metrics carrying one personal-data label that are kept to count series in: more is not counted, and said so. */
    static final int MAX_METRICS_COUNTED = 10_000;

    /** @param seriesCountLimit how many series of a personal-data label to count at most ({@link Long#MAX_VALUE}: all) */
    public SeriesScanner(QuerierClient querier, String regionLabel, PiiDetection pii, ValueHasher hasher, long seriesCountLimit) {
        this(querier, regionLabel, pii, hasher, seriesCountLimit, Clock.systemUTC(), ChronoUnit.FOREVER.getDuration());
    }

    /**
     * @param scanDeadline how long all the scans of this scanner may take together, from now: past it
     *                     the remaining regions and labels are UNVERIFIED "scan deadline reached"
     */
    public SeriesScanner(QuerierClient querier, String regionLabel, PiiDetection pii, ValueHasher hasher, long seriesCountLimit,
                         Clock clock, Duration scanDeadline) {
        this.clock = clock;
        this.scanDeadline = scanDeadline;
        Instant now = clock.instant();
        this.deadline = scanDeadline.compareTo(Duration.between(now, Instant.MAX)) >= 0 ? Instant.MAX : now.plus(scanDeadline);
        this.querier = querier;
        this.regionLabel = regionLabel;
        this.allowLabels = Set.copyOf(pii.allowLabels());
        this.namePatterns = pii.labelNamePatterns().stream().map(Pattern::compile).toList();
        this.detectors = ValueDetectors.named(pii.valueDetectors());
        this.hasher = hasher;
        this.seriesCountLimit = seriesCountLimit;
    }

    /** The scan stopped at its deadline; what was found so far is kept, the rest is not verified. */
    private static final class DeadlineReached extends Exception {
        DeadlineReached(String message) {
            super(message);
        }
    }

    private void checkDeadline(String what) throws DeadlineReached {
        if (!clock.instant().isBefore(deadline)) {
            throw new DeadlineReached("scan deadline reached (" + (scanDeadline.toSeconds() % 60 == 0 ? scanDeadline.toMinutes() + " min" : scanDeadline.toSeconds() + " s")
                    + " for the whole series scan); "
                    + what + " not examined");
        }
    }

    public SeriesScan scan(String region) {
        String match = "{" + regionLabel + "=\"" + region + "\"}";
        int labelsScanned = 0;
        long valuesScanned = 0;
        long overLong = 0;
        String overLongLabel = null;
        List<SeriesLabelFact> found = new ArrayList<>();
        try {
            checkDeadline("the series of " + region);
            List<String> labels = querier.labels(match);
            if (labels.isEmpty()) {
                return new SeriesScan(new SeriesScanFact(region, "UNVERIFIED", "no series with " + match
                        + " reach the querier; check central.thanos.regionLabel", 0, 0), List.of());
            }
            Progress progress = Progress.of("series of " + region, "labels", labels.size());
            for (String label : labels) {
                progress.advance();
                if (label.equals(regionLabel) || allowLabels.contains(label)) {
                    continue;
                }
                checkDeadline("label " + label + " and the labels after it");
                labelsScanned++;
                LabelResult result = scanLabel(label, match);
                valuesScanned += result.distinct();
                if (result.overLong() > 0) {
                    overLong += result.overLong();
                    overLongLabel = overLongLabel == null ? label : overLongLabel;
                }
                SeriesUse use = result.hits().isEmpty() ? null : seriesUse(label, region);
                for (Map.Entry<String, DetectionTally> hit : result.hits().entrySet()) {
                    DetectionTally tally = hit.getValue();
                    found.add(new SeriesLabelFact(region, label, hit.getKey(), result.distinct(), tally.matches(), use.series(), use.complete(),
                            String.join(",", use.metrics()), tally.samples(), tally.sampleHashes(), tally.setHash()));
                }
            }
        } catch (PartialResponseException | IOException e) {
            log.warn("Series of {} not verified: {}", region, e.getMessage());
            return new SeriesScan(new SeriesScanFact(region, "UNVERIFIED", e.getMessage(), labelsScanned, valuesScanned), List.of());
        } catch (DeadlineReached e) {
            log.warn("Series of {} not verified: {}", region, e.getMessage());
            return new SeriesScan(new SeriesScanFact(region, "UNVERIFIED", e.getMessage(), labelsScanned, valuesScanned), found);
        }
        if (overLong > 0) {
            // Fail closed: a value too long to examine in full may hide personal data past the examined part.
            String reason = overLong + " label values longer than " + ValueDetectors.MAX_EXAMINED_LENGTH
                    + " characters (over-long value, not examined in full), first under label " + overLongLabel;
            log.warn("Series of {} not verified: {}", region, reason);
            return new SeriesScan(new SeriesScanFact(region, "UNVERIFIED", reason, labelsScanned, valuesScanned), found);
        }
        log.info("series of {}: {} labels, {} distinct values scanned, {} carrying personal data", region, labelsScanned, valuesScanned, found.size());
        return new SeriesScan(new SeriesScanFact(region, "OK", null, labelsScanned, valuesScanned), found);
    }

    private record LabelResult(long distinct, long overLong, Map<String, DetectionTally> hits) {
    }

    private LabelResult scanLabel(String label, String match) throws IOException, PartialResponseException {
        Map<String, DetectionTally> hits = new LinkedHashMap<>();
        Optional<Pattern> nameHit = namePatterns.stream().filter(p -> p.matcher(label).matches()).findFirst();
        long[] distinct = {0};
        long[] overLong = {0};
        querier.labelValues(label, match, value -> {
            distinct[0]++;
            if (ValueDetectors.overLong(value)) {
                overLong[0]++;
            }
            boolean detected = false;
            for (ValueDetector detector : detectors) {
                Optional<String> hit = detector.find(value);
                if (hit.isPresent()) {
                    hits.computeIfAbsent(detector.name(), d -> new DetectionTally()).add(detector.redact(hit.get()), hasher.hash(hit.get()));
                    detected = true;
                }
            }
            if (!detected && nameHit.isPresent() && !value.isEmpty()) {
                hits.computeIfAbsent("label name", d -> new DetectionTally()).add(value.charAt(0) + "***", hasher.hash(value));
            }
        });
        return new LabelResult(distinct[0], overLong[0], hits);
    }

    /** @param complete false when counting stopped at the limit: there are more than {@code series} */
    private record SeriesUse(long series, boolean complete, Set<String> metrics) {
    }

    /**
     * Only for labels that carry personal data: which metrics carry them (one label-values call), and
     * in how many series, counted metric by metric as they stream by. Counting stops once it passes
     * the limit, so a label on millions of series costs the querier one bounded answer, not all of them.
     */
    private SeriesUse seriesUse(String label, String region) throws IOException, PartialResponseException {
        String selector = regionLabel + "=\"" + region + "\"," + label + "!=\"\"";
        Set<String> metrics = new TreeSet<>();
        querier.labelValues("__name__", "{" + selector + "}", metric -> {
            if (metrics.size() < MAX_METRICS_COUNTED) {
                metrics.add(metric);
            }
        });
        boolean allMetrics = metrics.size() < MAX_METRICS_COUNTED;
        long[] series = {0};
        boolean complete = true;
        for (String metric : metrics) {
            complete = querier.series("{__name__=\"" + metric + "\"," + selector + "}", labels -> ++series[0] <= seriesCountLimit);
            if (!complete) {
                break;
            }
        }
        return new SeriesUse(Math.min(series[0], seriesCountLimit), complete && allMetrics,
                metrics.stream().limit(MAX_METRICS).collect(Collectors.toCollection(TreeSet::new)));
    }
}
