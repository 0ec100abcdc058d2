package io.residency.auditor.collect.series;

import io.residency.auditor.collect.BearerToken;
import io.residency.auditor.estate.Thanos;
import io.residency.auditor.facts.AnswerFiles;
import io.residency.auditor.facts.InputAnswer;
import io.residency.auditor.facts.SeriesLabelFact;
import io.residency.auditor.facts.SeriesScanFact;
import io.residency.auditor.policy.PiiDetection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scans, region by region, the series the central Thanos Querier federates, with the hash key and
 * the querier's token taken from the environment.
 */
public final class FederatedSeriesCollection {

    static final String HMAC_KEY_ENV = "RESIDENCY_HMAC_KEY";
    private static final Logger log = LoggerFactory.getLogger(FederatedSeriesCollection.class);

    /**
     * What the scan found, and which key hashed the values it kept.
     *
     * @param hmacKeyId            the id of the hash key (never the key)
     * @param comparableAcrossRuns the key came from the environment, so hashes of other runs compare
     * @param summary              the scan for the bundle ({@code inputs/querier/series-scan.json}): no label value in it
     */
    public record Result(List<SeriesScanFact> scans, List<SeriesLabelFact> labels, String hmacKeyId, boolean comparableAcrossRuns,
                         InputAnswer summary) {
    }

    private final Duration callTimeout;
    private final UnaryOperator<String> environment;
    private final Clock clock;

    public FederatedSeriesCollection(Duration callTimeout, UnaryOperator<String> environment, Clock clock) {
        this.callTimeout = callTimeout;
        this.environment = environment;
        this.clock = clock;
    }

    public Result collect(Thanos thanos, List<String> regions, PiiDetection pii) {
        ValueHasher hasher = ValueHasher.withKey(environment.apply(HMAC_KEY_ENV));
        if (!hasher.comparableAcrossRuns()) {
            log.warn("{} is not set: personal-data hashes use a random key (id {}) and cannot be compared across runs",
                    HMAC_KEY_ENV, hasher.keyId());
        }
        Function<String, SeriesScan> scanRegion;
        try {
            String token = BearerToken.read(thanos.tokenFile(), thanos.tokenEnv(), environment::apply);
            QuerierClient querier = new QuerierClient(thanos.url(), Duration.ofSeconds(5), callTimeout, token);
            scanRegion = new SeriesScanner(querier, thanos.regionLabel(), pii, hasher, thanos.seriesCountLimitOrDefault(), clock,
                    thanos.scanDeadlineOrDefault())::scan;
        } catch (BearerToken.UnavailableException e) {
            // Asking without the token would only earn a 401 per region; each region says why instead.
            log.warn("Series not verified: {}", e.getMessage());
            scanRegion = region -> new SeriesScan(new SeriesScanFact(region, "UNVERIFIED", "querier " + e.getMessage(), 0, 0), List.of());
        }
        List<SeriesScanFact> scans = new ArrayList<>();
        List<SeriesLabelFact> labels = new ArrayList<>();
        for (String region : regions) {
            SeriesScan scan = scanRegion.apply(region);
            scans.add(scan.scan());
            labels.addAll(scan.labels());
        }
        return new Result(scans, labels, hasher.keyId(), hasher.comparableAcrossRuns(),
                QuerierAnswers.seriesScan(AnswerFiles.QUERIER_SERIES_SCAN, thanos.regionLabel(), hasher.keyId(), scans, labels));
    }
}
