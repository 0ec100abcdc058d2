package io.residency.auditor.collect.s3;

import io.residency.auditor.collect.Progress;
import io.residency.auditor.facts.BucketFact;
import io.residency.auditor.facts.BucketInventory;
import io.residency.auditor.facts.ReplicationRuleFact;
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
import software.amazon.awssdk.services.s3.model.ReplicationRule;
import software.amazon.awssdk.services.s3.model.ReplicationRuleFilter;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;

/**
 * Reads where buckets really are and where they replicate to: ListBuckets (paginated),
 * GetBucketLocation, GetBucketReplication (and each destination's location), with encryption and
 * tags as supporting evidence. Buckets are inspected with bounded concurrency; throttling is left
 * to the SDK's adaptive retry. Access denied or an unreachable API is recorded, never a pass.
 */
public final class BucketCollector {

    private static final Logger log = LoggerFactory.getLogger(BucketCollector.class);

    private final S3Client s3;
    private final int concurrency;
    private final Map<String, Location> locations = new ConcurrentHashMap<>();

    public BucketCollector(S3Client s3, int concurrency) {
        this.s3 = s3;
        this.concurrency = Math.max(1, concurrency);
    }

    /**
     * @param selected      the buckets to inspect; empty for every bucket the listing returns
     * @param namedByConfig buckets the configs write to: always inspected, so one that is missing is found missing
     */
    public BucketInventory collect(List<String> selected, Collection<String> namedByConfig) {
        Set<String> names = new LinkedHashSet<>();
        String listingError = null;
        if (selected.isEmpty()) {
            try {
                s3.listBucketsPaginator(r -> r.maxBuckets(1000)).buckets().stream().map(Bucket::name).forEach(names::add);
            } catch (SdkException e) {
                listingError = "ListBuckets failed: " + S3Errors.describe(e);
                log.warn("{}; inspecting only the buckets the configs name", listingError);
            }
        } else {
            names.addAll(selected);
        }
        names.addAll(namedByConfig);
        List<BucketFact> buckets = new ArrayList<>();
        List<ReplicationRuleFact> rules = new ArrayList<>();
        for (Inspected inspected : inspectAll(List.copyOf(names))) {
            buckets.add(inspected.bucket());
            rules.addAll(inspected.rules());
        }
        return new BucketInventory(buckets, rules, listingError);
    }

    private record Inspected(BucketFact bucket, List<ReplicationRuleFact> rules) {
    }

    private List<Inspected> inspectAll(List<String> names) {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "s3-inventory");
            thread.setDaemon(true);
            return thread;
        });
        Progress progress = Progress.of("bucket inventory", "buckets", names.size());
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
        Location location = locate(bucket);
        if (location.region() == null) {
            return new Inspected(new BucketFact(bucket, null, location.absent() ? "ABSENT" : "ERROR", location.why(), null, null, null), List.of());
        }
        List<ReplicationRuleFact> rules = new ArrayList<>();
        String replicationError = null;
        try {
            for (ReplicationRule rule : s3.getBucketReplication(r -> r.bucket(bucket)).replicationConfiguration().rules()) {
                rules.add(ruleFact(bucket, rule));
            }
        } catch (S3Exception e) {
            if (!"ReplicationConfigurationNotFoundError".equals(S3Errors.code(e))) {
                replicationError = "GetBucketReplication: " + S3Errors.describe(e);
            }
        } catch (SdkException e) {
            replicationError = "GetBucketReplication: " + S3Errors.describe(e);
        }
        return new Inspected(new BucketFact(bucket, location.region(), "OK", null, replicationError, encryption(bucket), tags(bucket)), rules);
    }

    private ReplicationRuleFact ruleFact(String bucket, ReplicationRule rule) {
        String arn = rule.destination() == null ? "" : String.valueOf(rule.destination().bucket());
        String destination = arn.startsWith("arn:") ? arn.substring(arn.lastIndexOf(':') + 1) : arn;
        Location target = destination.isEmpty() ? new Location(null, false, "the rule names no destination") : locate(destination);
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

    /** A bucket's location, or why it is unknown. Cached: destinations are often shared. */
    private record Location(String region, boolean absent, String why) {
    }

    private Location locate(String bucket) {
        return locations.computeIfAbsent(bucket, name -> {
            try {
                return new Location(BucketRegions.normalise(s3.getBucketLocation(r -> r.bucket(name)).locationConstraintAsString()), false, null);
            } catch (S3Exception e) {
                boolean absent = "NoSuchBucket".equals(S3Errors.code(e));
                return new Location(null, absent, "GetBucketLocation: " + S3Errors.describe(e));
            } catch (SdkException e) {
                return new Location(null, false, "GetBucketLocation: " + S3Errors.describe(e));
            }
        });
    }

    private String encryption(String bucket) {
        try {
            return s3.getBucketEncryption(r -> r.bucket(bucket)).serverSideEncryptionConfiguration().rules().stream()
                    .map(ServerSideEncryptionRule::applyServerSideEncryptionByDefault)
                    .map(d -> d == null ? "?" : d.sseAlgorithmAsString())
                    .collect(Collectors.joining(", "));
        } catch (S3Exception e) {
            return "ServerSideEncryptionConfigurationNotFoundError".equals(S3Errors.code(e)) ? "none" : "unknown (" + S3Errors.code(e) + ")";
        } catch (SdkException e) {
            return "unknown (" + S3Errors.describe(e) + ")";
        }
    }

    private String tags(String bucket) {
        try {
            return s3.getBucketTagging(r -> r.bucket(bucket)).tagSet().stream()
                    .map(tag -> tag.key() + "=" + tag.value()).collect(Collectors.joining("; "));
        } catch (S3Exception e) {
            return "NoSuchTagSet".equals(S3Errors.code(e)) ? "" : "unknown (" + S3Errors.code(e) + ")";
        } catch (SdkException e) {
            return "unknown (" + S3Errors.describe(e) + ")";
        }
    }
}
