package io.residency.auditor.job;

import io.residency.auditor.collect.BearerToken;
import io.residency.auditor.collect.series.QuerierClient;
import io.residency.auditor.collect.series.SeriesScan;
import io.residency.auditor.collect.series.SeriesScanner;
import io.residency.auditor.collect.series.ValueHasher;
import io.residency.auditor.estate.RegionStack;
import io.residency.auditor.estate.Thanos;
import io.residency.auditor.facts.FactRepository;
import io.residency.auditor.facts.RunKeysRepository;
import io.residency.auditor.facts.SeriesLabelFact;
import io.residency.auditor.facts.SeriesScanFact;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Scans the series each region federates to the central Thanos Querier for personal data.
 * Skipped offline and when the estate names no querier.
 */
@Component
public class ScanSeriesTasklet implements Tasklet {

    static final String HMAC_KEY_ENV = "RESIDENCY_HMAC_KEY";
    private static final Logger log = LoggerFactory.getLogger(ScanSeriesTasklet.class);

    private final AuditInputsLoader inputs;
    private final FactRepository facts;
    private final RunKeysRepository keys;
    private final Duration timeout;

    public ScanSeriesTasklet(AuditInputsLoader inputs, FactRepository facts, RunKeysRepository keys,
                             @Value("${residency.thanos.timeout:30s}") Duration timeout) {
        this.inputs = inputs;
        this.facts = facts;
        this.keys = keys;
        this.timeout = timeout;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        AuditInputs loaded = inputs.load(contribution.getStepExecution().getJobParameters());
        var central = loaded.estate().estate().central();
        if (central == null || central.thanos() == null || loaded.request().offline()) {
            StepSummaries.put(contribution, 0, loaded.request().offline() ? "skipped: offline" : "skipped: the estate names no Thanos Querier");
            return RepeatStatus.FINISHED;
        }
        Thanos thanos = central.thanos();
        ValueHasher hasher = ValueHasher.withKey(System.getenv(HMAC_KEY_ENV));
        if (!hasher.comparableAcrossRuns()) {
            log.warn("{} is not set: personal-data hashes use a random key (id {}) and cannot be compared across runs",
                    HMAC_KEY_ENV, hasher.keyId());
        }
        // Recorded before any hash is, so every report of the run can say which key its hashes used.
        keys.recordHmacKey(loaded.request().runId(), hasher.keyId(), hasher.comparableAcrossRuns());
        Function<String, SeriesScan> scanRegion;
        try {
            String token = BearerToken.read(thanos.tokenFile(), thanos.tokenEnv(), System::getenv);
            QuerierClient querier = new QuerierClient(thanos.url(), Duration.ofSeconds(5), timeout, token);
            scanRegion = new SeriesScanner(querier, thanos.regionLabel(), loaded.policy().policy().pii(), hasher,
                    thanos.seriesCountLimitOrDefault(), java.time.Clock.systemUTC(), thanos.scanDeadlineOrDefault())::scan;
        } catch (BearerToken.UnavailableException e) {
            // Asking without the token would only earn a 401 per region; each region says why instead.
            log.warn("Series not verified: {}", e.getMessage());
            scanRegion = region -> new SeriesScan(new SeriesScanFact(region, "UNVERIFIED", "querier " + e.getMessage(), 0, 0), List.of());
        }
        List<SeriesScanFact> scans = new ArrayList<>();
        List<SeriesLabelFact> labels = new ArrayList<>();
        for (RegionStack region : loaded.estate().estate().regions()) {
            SeriesScan scan = scanRegion.apply(region.name());
            scans.add(scan.scan());
            labels.addAll(scan.labels());
        }
        facts.replaceSeriesFacts(loaded.request().runId(), scans, labels);
        long unverified = scans.stream().filter(s -> !"OK".equals(s.status())).count();
        StepSummaries.put(contribution, labels.size(), scans.size() + " regions (" + unverified + " unverified), "
                + labels.size() + " labels carrying personal data");
        return RepeatStatus.FINISHED;
    }
}
