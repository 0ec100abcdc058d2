package io.residency.auditor.evidence;

import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.exporter.pushgateway.PushGateway;
import io.prometheus.metrics.exporter.pushgateway.Scheme;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Pushes a run's outcome to a Prometheus Pushgateway, so the central Grafana can alert on failed
 * or stale audits and on findings. A push that fails is logged; it never changes the run's result.
 */
@Component
public class RunMetricsPusher {

    private static final Logger log = LoggerFactory.getLogger(RunMetricsPusher.class);

    /**
     * @param findingCounts (control, status, severity, region or "") to how many findings, counted by the
     *                      database ({@code FindingRepository.countsByLabels}); empty when the run failed
     */
    public void push(String pushgatewayUrl, String estateId, boolean success, Instant started, Instant ended,
                     Map<List<String>, Long> findingCounts) {
        PrometheusRegistry registry = new PrometheusRegistry();
        Gauge counts = Gauge.builder().name("residency_findings").help("Findings of the last run, by control, status, severity and region")
                .labelNames("control", "status", "severity", "region").register(registry);
        findingCounts.forEach((key, count) -> counts.labelValues(key.toArray(String[]::new)).set(count));
        Gauge.builder().name("residency_run_success").help("1 when the last run completed, 0 when it failed").register(registry)
                .set(success ? 1 : 0);
        Gauge.builder().name("residency_run_duration_seconds").help("How long the last run took").register(registry)
                .set(Duration.between(started, ended).toMillis() / 1000.0);
        Gauge.builder().name("residency_last_run_timestamp_seconds").help("When the last run ended (Unix time)").register(registry)
                .set(ended.getEpochSecond());
        URI uri = URI.create(pushgatewayUrl);
        try {
            PushGateway.builder()
                    .scheme("https".equals(uri.getScheme()) ? Scheme.HTTPS : Scheme.HTTP)
                    .address(uri.getHost() + ":" + (uri.getPort() < 0 ? 9091 : uri.getPort()))
                    .job("residency_auditor")
                    .groupingKey("estate", estateId)
                    .registry(registry)
                    .connectionTimeout(Duration.ofSeconds(5))
                    .readTimeout(Duration.ofSeconds(10))
                    .build()
                    .push();
            log.info("pushed run metrics to {}", uri.getHost());
        } catch (IOException | RuntimeException e) {
            log.warn("Run metrics not pushed to {}: {}", uri.getHost(), e.getMessage());
        }
    }
}
