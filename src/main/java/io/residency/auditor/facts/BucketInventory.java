package io.residency.auditor.facts;

import java.util.List;

/**
 * The buckets, replication rules and bucket retention of one run, with how each S3 source (the
 * default credentials' account, or each audited account and the organization's listing) was read.
 *
 * @param sources   one row per S3 source; status ERROR with the reason when it could not be read
 * @param retention lifecycle expirations and Object Lock retention, as rows of the retention concept
 * @param answers   the raw S3 answers per inspected bucket, under inputs/s3/
 */
public record BucketInventory(List<BucketFact> buckets, List<ReplicationRuleFact> rules, List<SourceFact> sources,
                              List<RetentionFact> retention, List<InputAnswer> answers) {

    public BucketInventory {
        buckets = List.copyOf(buckets);
        rules = List.copyOf(rules);
        sources = List.copyOf(sources);
        retention = List.copyOf(retention);
        answers = List.copyOf(answers);
    }
}
