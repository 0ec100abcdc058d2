package io.residency.auditor.job;

import io.residency.auditor.collect.config.ConfigCollector;
import io.residency.auditor.collect.config.EnvExpander;
import io.residency.auditor.collect.config.SourceFetcher;
import io.residency.auditor.collect.k8s.KubernetesSources;
import io.residency.auditor.collect.s3.BucketInventoryCollection;
import io.residency.auditor.collect.series.FederatedSeriesCollection;
import io.residency.auditor.collect.series.QuerierTopologyCollection;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the collectors from configuration properties. */
@Configuration
@EnableConfigurationProperties(CollectorConfiguration.SourceSettings.class)
public class CollectorConfiguration {

    /**
     * Timeouts for live configuration endpoints ({@code residency.sources.*}).
     *
     * @param connectTimeout how long to wait for a connection
     * @param readTimeout    how long to wait for the whole answer
     */
    @ConfigurationProperties("residency.sources")
    public record SourceSettings(Duration connectTimeout, Duration readTimeout) {
        public SourceSettings {
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
            readTimeout = readTimeout == null ? Duration.ofSeconds(15) : readTimeout;
        }
    }

    @Bean
    public ConfigCollector configCollector(SourceSettings settings) {
        EnvExpander environment = EnvExpander.ofSystem();
        return new ConfigCollector(new SourceFetcher(settings.connectTimeout(), settings.readTimeout(), System::getenv), environment);
    }

    /** Clusters of the estate's {@code k8s:} sources, with the live sources' time-outs. */
    @Bean
    public KubernetesSources kubernetesSources(SourceSettings settings) {
        return new KubernetesSources(System::getenv, settings.connectTimeout(), settings.readTimeout());
    }

    /** @param timeout how long one querier call may take ({@code residency.thanos.timeout}) */
    @Bean
    public FederatedSeriesCollection federatedSeriesCollection(@Value("${residency.thanos.timeout:30s}") Duration timeout) {
        return new FederatedSeriesCollection(timeout, System::getenv, Clock.systemUTC());
    }

    /** @param timeout how long one querier call may take ({@code residency.thanos.timeout}) */
    @Bean
    public QuerierTopologyCollection querierTopologyCollection(@Value("${residency.thanos.timeout:30s}") Duration timeout) {
        return new QuerierTopologyCollection(timeout, System::getenv);
    }

    /** @param callTimeout how long one S3 call may take, per attempt ({@code residency.s3.call-timeout}) */
    @Bean
    public BucketInventoryCollection bucketInventoryCollection(@Value("${residency.s3.call-timeout:10s}") Duration callTimeout) {
        return new BucketInventoryCollection(callTimeout);
    }
}
