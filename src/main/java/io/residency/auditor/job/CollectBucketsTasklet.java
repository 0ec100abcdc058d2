package io.residency.auditor.job;

import io.residency.auditor.collect.s3.BucketInventoryCollection;
import io.residency.auditor.estate.AwsSettings;
import io.residency.auditor.facts.BucketInventory;
import io.residency.auditor.facts.FactRepository;
import io.residency.auditor.facts.SourceStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/**
 * Reads the real location and replication of every bucket the configs write to (and, with
 * {@code aws.buckets: all}, of every bucket). Skipped offline and when the estate has no {@code aws} section.
 */
@Component
public class CollectBucketsTasklet implements Tasklet {

    private final AuditInputsLoader inputs;
    private final FactRepository facts;
    private final BucketInventoryCollection buckets;

    public CollectBucketsTasklet(AuditInputsLoader inputs, FactRepository facts, BucketInventoryCollection buckets) {
        this.inputs = inputs;
        this.facts = facts;
        this.buckets = buckets;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        AuditInputs loaded = inputs.load(contribution.getStepExecution().getJobParameters());
        AwsSettings aws = loaded.estate().estate().aws();
        if (aws == null || loaded.request().offline()) {
            StepSummaries.put(contribution, 0, aws == null ? "skipped: the estate has no aws section" : "skipped: offline");
            return RepeatStatus.FINISHED;
        }
        String runId = loaded.request().runId();
        BucketInventory inventory = buckets.collect(aws, facts.bucketsNamedByConfigs(runId));
        facts.replaceBucketFacts(runId, inventory);
        long unreadable = inventory.buckets().stream().filter(b -> !"OK".equals(b.status())).count();
        long accountsUnread = inventory.sources().stream().filter(s -> s.status() != SourceStatus.OK).count();
        StepSummaries.put(contribution, inventory.buckets().size(), inventory.buckets().size() + " buckets (" + unreadable
                + " absent or unreadable), " + inventory.rules().size() + " replication rules, " + inventory.retention().size()
                + " bucket retention rules, " + inventory.sources().size() + " S3 sources (" + accountsUnread + " unreadable)");
        return RepeatStatus.FINISHED;
    }
}
