package io.residency.auditor.collect.s3;

import io.residency.auditor.estate.AwsAccount;
import io.residency.auditor.estate.AwsSettings;
import io.residency.auditor.facts.InputAnswer;
import io.residency.auditor.facts.BucketFact;
import io.residency.auditor.facts.BucketInventory;
import io.residency.auditor.facts.SourceFact;
import io.residency.auditor.facts.SourceStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Takes the inventory of the estate's AWS accounts, each with a client of its own, closed when
 * done: the default credentials' own account, or every listed (or organization) account through
 * its audit role. An account whose role cannot be assumed or whose buckets cannot be listed is
 * recorded as its own unreadable source, and the other accounts go on.
 */
public final class BucketInventoryCollection {

    private static final Logger log = LoggerFactory.getLogger(BucketInventoryCollection.class);

    /** The source that records whether the organization's accounts could be listed. */
    public static final String ORGANIZATION_SOURCE = "aws/organizations";

    private final Duration callTimeout;

    /** @param callTimeout how long one AWS call may take, per attempt */
    public BucketInventoryCollection(Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    /** @param namedByConfigs the buckets the configs write to: inspected whatever {@code aws.buckets} selects */
    public BucketInventory collect(AwsSettings aws, Collection<String> namedByConfigs) {
        if (!aws.manyAccounts()) {
            try (S3Client s3 = S3ClientFactory.create(aws.region(), aws.endpoint(), aws.concurrencyOrDefault(), callTimeout)) {
                return new BucketCollector(s3, aws.concurrencyOrDefault()).collect(aws.bucketNames(), namedByConfigs, aws.regionOrDefault());
            }
        }
        List<SourceFact> sources = new ArrayList<>();
        List<AuditedAccount> accounts = accounts(aws, sources);
        List<BucketCollector.Inspected> inspected = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        Map<String, String> unreadable = new LinkedHashMap<>();
        AuditedAccount firstReadable = null;
        try (AccountSessions sessions = new AccountSessions(aws.regionOrDefault(), aws.stsEndpoint(), callTimeout)) {
            for (AuditedAccount account : accounts) {
                String why = inventoryOf(account, aws, sessions, namedByConfigs, seen, inspected);
                sources.add(new SourceFact(account.sourceId(), account.region(), "s3", "S3 API of account " + account.id() + " as " + account.roleArn(),
                        why == null ? SourceStatus.OK : SourceStatus.ERROR, why, null));
                if (why != null) {
                    unreadable.put(account.id(), why);
                    log.warn("account {}: {}; its buckets are not verified, the other accounts go on", account.id(), why);
                } else if (firstReadable == null) {
                    firstReadable = account;
                }
            }
            List<String> unlisted = namedByConfigs.stream().filter(b -> !seen.contains(b)).sorted().distinct().toList();
            inspected.addAll(unlisted(unlisted, unreadable, firstReadable, aws, sessions));
        }
        inspected.sort(Comparator.comparing(i -> i.bucket().bucket()));
        return BucketCollector.Inspected.inventory(inspected, sources);
    }

    /** The accounts of the estate in id order, or of the organization; the organization's listing is a source of its own. */
    private List<AuditedAccount> accounts(AwsSettings aws, List<SourceFact> sources) {
        if (aws.organization() == null) {
            return aws.accounts().stream()
                    .sorted(Comparator.comparing(AwsAccount::id))
                    .map(a -> new AuditedAccount(a.id(), a.roleArn(), a.externalId(), a.regions().isEmpty() ? aws.regionOrDefault() : a.regions().get(0)))
                    .toList();
        }
        OrganizationAccounts.Listing listing = OrganizationAccounts.list(aws.organization(), aws.regionOrDefault(), aws.organizationsEndpoint(), callTimeout);
        sources.add(new SourceFact(ORGANIZATION_SOURCE, aws.regionOrDefault(), "aws-organizations", "Organizations ListAccounts",
                listing.error() == null ? SourceStatus.OK : SourceStatus.ERROR, listing.error(), null));
        return listing.accounts().stream().sorted(Comparator.comparing(AuditedAccount::id)).toList();
    }

    /** @return why the account could not be read, or {@code null} when its buckets were listed and inspected */
    private String inventoryOf(AuditedAccount account, AwsSettings aws, AccountSessions sessions, Collection<String> namedByConfigs,
                               Set<String> seen, List<BucketCollector.Inspected> inspected) {
        AccountSessions.Opened opened = sessions.open(account);
        if (opened instanceof AccountSessions.Refused refused) {
            return refused.reason();
        }
        AccountSessions.Session session = (AccountSessions.Session) opened;
        try (var credentials = session.credentials();
             S3Client s3 = S3ClientFactory.create(account.region(), aws.endpoint(), aws.concurrencyOrDefault(), callTimeout, credentials)) {
            BucketCollector collector = new BucketCollector(s3, aws.concurrencyOrDefault(), account.id(), account.sourceId());
            BucketCollector.Listing listing = collector.list();
            if (listing.error() != null) {
                return listing.error();
            }
            // A bucket name is global: the first account (in id order) that lists it owns it.
            Set<String> mine = new LinkedHashSet<>();
            for (String bucket : listing.names()) {
                boolean wanted = aws.bucketNames().isEmpty() || aws.bucketNames().contains(bucket) || namedByConfigs.contains(bucket);
                if (wanted && seen.add(bucket)) {
                    mine.add(bucket);
                }
            }
            inspected.addAll(collector.inspectAll(List.copyOf(mine)));
            return null;
        }
    }

    /** A bucket no audited account lists, that S3 would not describe: say so before what S3 answered. */
    private static BucketCollector.Inspected ownedOutside(BucketCollector.Inspected inspected) {
        BucketFact b = inspected.bucket();
        if (!"ERROR".equals(b.status())) {
            return inspected;
        }
        BucketFact explained = new BucketFact(b.bucket(), b.region(), b.status(), "no audited account lists the bucket (it may be owned "
                + "outside the audit); " + b.reason(), b.replicationError(), b.encryption(), b.tags(), b.accountId(), b.lifecycleError(),
                b.objectLockError(), b.answerFile());
        return new BucketCollector.Inspected(explained, inspected.rules(), inspected.retention(), inspected.answer());
    }

    /**
     * Buckets the configs name that no readable account listed. While an account could not be read
     * the bucket may be its: not verified. Otherwise one audited account asks S3 where it is, which
     * tells a bucket that does not exist (NoSuchBucket) from one owned outside the audit (denied).
     */
    private List<BucketCollector.Inspected> unlisted(List<String> buckets, Map<String, String> unreadable, AuditedAccount asker,
                                                     AwsSettings aws, AccountSessions sessions) {
        if (buckets.isEmpty()) {
            return List.of();
        }
        if (!unreadable.isEmpty() || asker == null) {
            String why = "no readable audited account lists the bucket; it may belong to "
                    + (unreadable.isEmpty() ? "an account that was not read" : "account " + String.join(", ", unreadable.keySet())
                    + ", which could not be read");
            return buckets.stream().map(bucket -> new BucketCollector.Inspected(
                    new BucketFact(bucket, null, "ERROR", why, null, null, null, null, null, null, null), List.of(), List.of(),
                    InputAnswer.received(S3AnswerFiles.of(null, bucket),
                            new S3Answers().toJson(S3AnswerFiles.DEFAULT_ACCOUNT, bucket)))).toList();
        }
        AccountSessions.Opened opened = sessions.open(asker);
        if (!(opened instanceof AccountSessions.Session session)) {
            return unlisted(buckets, Map.of(asker.id(), ((AccountSessions.Refused) opened).reason()), null, aws, sessions);
        }
        try (var credentials = session.credentials();
             S3Client s3 = S3ClientFactory.create(asker.region(), aws.endpoint(), aws.concurrencyOrDefault(), callTimeout, credentials)) {
            return new BucketCollector(s3, aws.concurrencyOrDefault(), null, asker.sourceId()).inspectAll(buckets).stream()
                    .map(BucketInventoryCollection::ownedOutside).toList();
        }
    }
}
