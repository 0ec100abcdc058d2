package io.residency.auditor.job;

import io.residency.auditor.collect.config.ClusterSources;
import io.residency.auditor.collect.config.ConfigCollector;
import io.residency.auditor.collect.config.PersonalAttributes;
import io.residency.auditor.collect.k8s.KubernetesSources;
import io.residency.auditor.facts.CollectedSource;
import io.residency.auditor.facts.FactRepository;
import io.residency.auditor.facts.SourceStatus;
import java.util.List;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/** Reads every configuration source of the estate and records the storage facts found in them. */
@Component
public class CollectConfigsTasklet implements Tasklet {

    private final AuditInputsLoader inputs;
    private final FactRepository facts;
    private final ConfigCollector collector;
    private final KubernetesSources clusters;

    public CollectConfigsTasklet(AuditInputsLoader inputs, FactRepository facts, ConfigCollector collector, KubernetesSources clusters) {
        this.inputs = inputs;
        this.facts = facts;
        this.collector = collector;
        this.clusters = clusters;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        AuditInputs loaded = inputs.load(contribution.getStepExecution().getJobParameters());
        List<CollectedSource> collected;
        try (ClusterSources clusterSources = clusters.open(loaded.request().kubeconfig())) {
            collected = collector.collect(loaded.request().allowFilesOutsideEstate()
                    ? loaded.estate().withFilesOutsideAllowed() : loaded.estate(), loaded.request().offline(), clusterSources,
                    PersonalAttributes.of(loaded.policy().policy().pii()));
        }
        facts.replaceConfigFacts(loaded.request().runId(), collected);
        long unreadable = collected.stream().filter(c -> c.source().status() == SourceStatus.ERROR).count();
        int storage = collected.stream().mapToInt(c -> c.storage().size()).sum();
        int egress = collected.stream().mapToInt(c -> c.egress().size()).sum();
        int retention = collected.stream().mapToInt(c -> c.retention().size()).sum();
        StepSummaries.put(contribution, storage + egress + retention, collected.size() + " sources (" + unreadable + " unreadable), "
                + storage + " storage, " + egress + " egress, " + retention + " retention facts");
        return RepeatStatus.FINISHED;
    }
}
