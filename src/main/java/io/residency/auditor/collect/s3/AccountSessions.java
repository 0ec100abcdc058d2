package io.residency.auditor.collect.s3;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Opens a session in an audited account: STS AssumeRole into its audit role with the auditor's own
 * credentials (the SDK's default chain) and the external id its trust policy demands. The
 * temporary credentials stay inside the SDK's provider, in memory; nothing here prints or stores them.
 */
final class AccountSessions implements AutoCloseable {

    /** The session name CloudTrail shows for every call the auditor makes in an audited account. */
    static final String SESSION_NAME = "residency-auditor";

    private final StsClient sts;

    AccountSessions(String region, String stsEndpoint, Duration callTimeout) {
        StsClientBuilder builder = StsClient.builder()
                .region(Region.of(region))
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .overrideConfiguration(o -> o
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy())
                        .apiCallAttemptTimeout(callTimeout)
                        .apiCallTimeout(callTimeout.multipliedBy(4)));
        if (stsEndpoint != null) {
            builder.endpointOverride(URI.create(stsEndpoint));
        }
        this.sts = builder.build();
    }

    /** The role's session, or why it could not be opened. */
    sealed interface Opened permits Session, Refused {
    }

    /** Credentials refreshed by STS as they expire; close it when the account is done. */
    record Session(StsAssumeRoleCredentialsProvider credentials) implements Opened {
    }

    record Refused(String reason) implements Opened {
    }

    Opened open(AuditedAccount account) {
        StsAssumeRoleCredentialsProvider provider = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .refreshRequest(r -> r.roleArn(account.roleArn()).roleSessionName(SESSION_NAME).externalId(account.externalId())
                        .durationSeconds(3600))
                .build();
        try {
            // Assumed now, not at the first S3 call: a role that cannot be assumed is this account's finding alone.
            provider.resolveCredentials();
            return new Session(provider);
        } catch (SdkException e) {
            provider.close();
            return new Refused(refusal(account, e));
        }
    }

    private static String refusal(AuditedAccount account, SdkException e) {
        String what = "AssumeRole into " + account.roleArn() + " failed: " + S3Errors.describe(e, "STS");
        if (!S3Errors.denied(e)) {
            return what;
        }
        return what + "; expected the role to exist in account " + account.id() + " with a trust policy that allows sts:AssumeRole "
                + "to the auditor's principal" + (account.externalId() == null ? "" : " on the condition sts:ExternalId (the estate's externalId)")
                + ", and the auditor's own policy to allow sts:AssumeRole on that role";
    }

    @Override
    public void close() {
        sts.close();
    }
}
