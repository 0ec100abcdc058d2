package io.residency.auditor.collect.s3;

import io.residency.auditor.collect.Progress;
import io.residency.auditor.facts.InputAnswer;
import io.residency.auditor.facts.BucketFact;
import io.residency.auditor.facts.BucketInventory;
import io.residency.auditor.facts.FactRepository;
import io.residency.auditor.facts.ReplicationRuleFact;
import io.residency.auditor.facts.RetentionFact;
import io.residency.auditor.facts.SourceFact;
import io.residency.auditor.facts.SourceStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.GetBucketEncryptionResponse;
import software.amazon.awssdk.services.s3.model.GetBucketLocationResponse;
import software.amazon.awssdk.services.s3.model.GetBucketReplicationResponse;
import software.amazon.awssdk.services.s3.model.GetBucketTaggingResponse;
import software.amazon.awssdk.services.s3.model.ReplicationRule;
import software.amazon.awssdk.services.s3.model.ReplicationRuleFilter;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;

/**
 * Reads where buckets really are, where they replicate to and what deletes their objects:
 * ListBuckets (paginated), GetBucketLocation, GetBucketReplication (and each destination's
 * location), the lifecycle rules and Object Lock configuration, with encryption and tags as
 * supporting evidence. Every answer is kept for the bundle. Buckets are inspected with bounded
 * concurrency; throttling is left to the SDK's adaptive retry. Access denied or an unreachable API
 * is recorded, never a pass.
 */
public final class BucketCollector {

    private static final Logger log = LoggerFactory.getLogger(BucketCollector.class);

    private final S3Client s3;
    private final int concurrency;
    private final String accountId;
    private final String sourceId;
    private final Map<String, Located> locations = new ConcurrentHashMap<>();

    /** With the default credentials: the buckets are the auditor's own account's, recorded under the source {@code aws/s3}. */
    public BucketCollector(S3Client s3, int concurrency) {
        this(s3, concurrency, null, FactRepository.S3_SOURCE);
    }

    /**
     * @param accountId the audited account the client's session belongs to, or {@code null}
     * @param sourceId  the S3 source the bucket retention facts belong to
     */
    BucketCollector(S3Client s3, int concurrency, String accountId, String sourceId) {
        this.s3 = s3;
        this.concurrency = Math.max(1, concurrency);
        this.accountId = accountId;
        this.sourceId = sourceId;
    }

    /**
     * The default credentials' inventory, recorded as the one source {@code aws/s3}.
     *
     * @param selected      the buckets to inspect; empty for every bucket the listing returns
     * @param namedByConfig buckets the configs write to: always inspected, so one that is missing is found missing
     */
    public BucketInventory collect(List<String> selected, Collection<String> namedByConfig) {
        return collect(selected, namedByConfig, "us-east-1");
    }

    BucketInventory collect(List<String> selected, Collection<String> namedByConfig, String clientRegion) {
        Set<String> names = new LinkedHashSet<>();
        String listingError = null;
        if (selected.isEmpty()) {
            Listing listing = list();
            names.addAll(listing.names());
            listingError = listing.error();
            if (listingError != null) {
                log.warn("{}; inspecting only the buckets the configs name", listingError);
            }
        } else {
            names.addAll(selected);
        }
        names.addAll(namedByConfig);
        SourceFact source = new SourceFact(FactRepository.S3_SOURCE, clientRegion, "s3", "S3 API",
                listingError == null ? SourceStatus.OK : SourceStatus.ERROR, listingError, null);
        return Inspected.inventory(inspectAll(List.copyOf(names)), List.of(source));
    }

    /** The buckets this session's account owns, or why they could not be listed. */
    record Listing(List<String> names, String error) {
    }

    Listing list() {
        try {
            return new Listing(s3.listBucketsPaginator(r -> r.maxBuckets(1000)).buckets().stream().map(Bucket::name).toList(), null);
        } catch (SdkException e) {
            return new Listing(List.of(), S3Errors.describe(e, "ListBuckets", "s3:ListAllMyBuckets"));
        }
    }

    /** What one bucket's inspection found. */
    record Inspected(BucketFact bucket, List<ReplicationRuleFact> rules, List<RetentionFact> retention, InputAnswer answer) {

        static BucketInventory inventory(List<Inspected> inspected, List<SourceFact> sources) {
            return new BucketInventory(inspected.stream().map(Inspected::bucket).toList(),
                    inspected.stream().flatMap(i -> i.rules().stream()).toList(), sources,
                    inspected.stream().flatMap(i -> i.retention().stream()).toList(),
                    inspected.stream().map(Inspected::answer).toList());
        }
    }

    List<Inspected> inspectAll(List<String> names) {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "s3-inventory");
            thread.setDaemon(true);
            return thread;
        });
        Progress progress = Progress.of("bucket inventory" + (accountId == null ? "" : " of account " + accountId), "buckets", names.size());
        try {
            List<Future<Inspected>> futures = names.stream().map(name -> pool.submit(() -> {
                Inspected inspected = inspect(name);
                progress.advance();
                return inspected;
            })).toList();
            List<Inspected> results = new ArrayList<>();
            for (Future<Inspected> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("bucket inventory interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("bucket inventory failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Inspected inspect(String bucket) {
        S3Answers answers = new S3Answers();
        String answerFile = S3AnswerFiles.of(accountId, bucket);
        Located location = locate(bucket);
        answers.recorded("GetBucketLocation", location.answer());
        if (location.region() == null) {
            BucketFact fact = new BucketFact(bucket, null, location.absent() ? "ABSENT" : "ERROR", location.why(), null, null, null,
                    accountId, null, null, answerFile);
            return new Inspected(fact, List.of(), List.of(), answer(bucket, answerFile, answers));
        }
        List<ReplicationRuleFact> rules = new ArrayList<>();
        String replicationError = null;
        try {
            GetBucketReplicationResponse replication = s3.getBucketReplication(r -> r.bucket(bucket));
            answers.answered("GetBucketReplication", replication);
            for (ReplicationRule rule : replication.replicationConfiguration().rules()) {
                rules.add(ruleFact(bucket, rule, answers));
            }
        } catch (SdkException e) {
            answers.failed("GetBucketReplication", e);
            if (!(e instanceof S3Exception s3e && "ReplicationConfigurationNotFoundError".equals(S3Errors.code(s3e)))) {
                replicationError = S3Errors.describe(e, "GetBucketReplication", "s3:GetReplicationConfiguration");
            }
        }
        BucketRetention retention = new BucketRetention(s3, sourceId, bucket, location.region(), answers);
        List<RetentionFact> kept = retention.read();
        BucketFact fact = new BucketFact(bucket, location.region(), "OK", null, replicationError, encryption(bucket, answers),
                tags(bucket, answers), accountId, retention.lifecycleError(), retention.objectLockError(), answerFile);
        return new Inspected(fact, rules, kept, answer(bucket, answerFile, answers));
    }

    private InputAnswer answer(String bucket, String answerFile, S3Answers answers) {
        return InputAnswer.received(answerFile, answers.toJson(accountId == null ? S3AnswerFiles.DEFAULT_ACCOUNT : accountId, bucket));
    }

    private ReplicationRuleFact ruleFact(String bucket, ReplicationRule rule, S3Answers answers) {
        String arn = rule.destination() == null ? "" : String.valueOf(rule.destination().bucket());
        String destination = arn.startsWith("arn:") ? arn.substring(arn.lastIndexOf(':') + 1) : arn;
        Located target = destination.isEmpty() ? new Located(null, false, "the rule names no destination", null) : locate(destination);
        if (!destination.isEmpty()) {
            answers.destination(destination, target.answer());
        }
        return new ReplicationRuleFact(bucket, rule.id() == null ? "(no id)" : rule.id(), String.valueOf(rule.statusAsString()),
                filter(rule), destination, rule.destination() == null ? null : rule.destination().account(),
                rule.destination() == null ? null : rule.destination().storageClassAsString(), target.region(),
                target.region() != null ? "GetBucketLocation of the destination" : target.why());
    }

    private static String filter(ReplicationRule rule) {
        ReplicationRuleFilter filter = rule.filter();
        if (filter != null && filter.prefix() != null) {
            return filter.prefix().isEmpty() ? "" : "prefix " + filter.prefix();
        }
        if (filter != null && filter.tag() != null) {
            return "tag " + filter.tag().key() + "=" + filter.tag().value();
        }
        if (filter != null && filter.and() != null) {
            return "prefix " + filter.and().prefix() + " and " + filter.and().tags().size() + " tags";
        }
        return rule.prefix() == null || rule.prefix().isEmpty() ? "" : "prefix " + rule.prefix();
    }

    /** A bucket's location, or why it is unknown, with S3's answer. Cached: destinations are often shared. */
    private record Located(String region, boolean absent, String why, Object answer) {
    }

    private Located locate(String bucket) {
        return locations.computeIfAbsent(bucket, name -> {
            try {
                GetBucketLocationResponse response = s3.getBucketLocation(r -> r.bucket(name));
                return new Located(BucketRegions.normalise(response.locationConstraintAsString()), false, null, S3Answers.answer(response));
            } catch (S3Exception e) {
                boolean absent = "NoSuchBucket".equals(S3Errors.code(e));
                return new Located(null, absent, S3Errors.describe(e, "GetBucketLocation", "s3:GetBucketLocation"), S3Answers.error(e));
            } catch (SdkException e) {
                return new Located(null, false, "GetBucketLocation: " + S3Errors.describe(e), S3Answers.error(e));
            }
        });
    }

    private String encryption(String bucket, S3Answers answers) {
        try {
            GetBucketEncryptionResponse response = s3.getBucketEncryption(r -> r.bucket(bucket));
            answers.answered("GetBucketEncryption", response);
            return response.serverSideEncryptionConfiguration().rules().stream()
                    .map(ServerSideEncryptionRule::applyServerSideEncryptionByDefault)
                    .map(d -> d == null ? "?" : d.sseAlgorithmAsString())
                    .collect(Collectors.joining(", "));
        } catch (S3Exception e) {
            answers.failed("GetBucketEncryption", e);
            return "ServerSideEncryptionConfigurationNotFoundError".equals(S3Errors.code(e)) ? "none" : "unknown (" + S3Errors.code(e) + ")";
        } catch (SdkException e) {
            answers.failed("GetBucketEncryption", e);
            return "unknown (" + S3Errors.describe(e) + ")";
        }
    }

    private String tags(String bucket, S3Answers answers) {
        try {
            GetBucketTaggingResponse response = s3.getBucketTagging(r -> r.bucket(bucket));
            answers.answered("GetBucketTagging", response);
            return response.tagSet().stream().map(tag -> tag.key() + "=" + tag.value()).collect(Collectors.joining("; "));
        } catch (S3Exception e) {
            answers.failed("GetBucketTagging", e);
            return "NoSuchTagSet".equals(S3Errors.code(e)) ? "" : "unknown (" + S3Errors.code(e) + ")";
        } catch (SdkException e) {
            answers.failed("GetBucketTagging", e);
            return "unknown (" + S3Errors.describe(e) + ")";
        }
    }
}
