package io.residency.auditor.job;

import io.residency.auditor.collect.s3.BucketCollector;
import io.residency.auditor.collect.s3.S3ClientFactory;
import io.residency.auditor.estate.AwsSettings;
import io.residency.auditor.facts.BucketInventory;
import io.residency.auditor.facts.FactRepository;
import java.time.Duration;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Reads the real location and replication of every bucket the configs write to (and, with
 * {@code aws.buckets: all}, of every bucket). Skipped offline and when the estate has no {@code aws} section.
 */
@Component
public class CollectBucketsTasklet implements Tasklet {

    private final AuditInputsLoader inputs;
    private final FactRepository facts;
    private final Duration callTimeout;

    public CollectBucketsTasklet(AuditInputsLoader inputs, FactRepository facts,
                                 @Value("${residency.s3.call-timeout:10s}") Duration callTimeout) {
        this.inputs = inputs;
        this.facts = facts;
        this.callTimeout = callTimeout;
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
        BucketInventory inventory;
        try (S3Client s3 = S3ClientFactory.create(aws.region(), aws.endpoint(), aws.concurrencyOrDefault(), callTimeout)) {
            inventory = new BucketCollector(s3, aws.concurrencyOrDefault()).collect(aws.bucketNames(), facts.bucketsNamedByConfigs(runId));
        }
        facts.replaceBucketFacts(runId, aws.region() == null ? "us-east-1" : aws.region(), inventory);
        long unreadable = inventory.buckets().stream().filter(b -> !"OK".equals(b.status())).count();
        StepSummaries.put(contribution, inventory.buckets().size(), inventory.buckets().size() + " buckets (" + unreadable
                + " absent or unreadable), " + inventory.rules().size() + " replication rules");
        return RepeatStatus.FINISHED;
    }
}
