package io.residency.auditor.collect.s3;

import com.robothy.s3.rest.LocalS3;
import com.robothy.s3.rest.bootstrap.LocalS3Mode;
import java.io.IOException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Three AWS accounts for end-to-end audits: one in-JVM S3 emulator for each of the two accounts
 * whose roles trust the auditor, a local STS stand-in whose third role trusts someone else (another
 * external id), and a front that routes each STS session to its account's S3 by its access key.
 * The test creates the buckets through {@link #euAccount()} and {@link #usAccount()}.
 */
public final class ThreeAccountStandIns implements AutoCloseable {

    public static final String EU_ACCOUNT = "111111111111";
    public static final String US_ACCOUNT = "222222222222";
    public static final String DENYING_ACCOUNT = "333333333333";

    /** The estate's {@code aws.accounts} block, indented under {@code aws:}; the third account's external id is not the one its role demands. */
    public static final String ACCOUNTS = """
              accounts:
                - {id: "%s", roleArn: "arn:aws:iam::%s:role/ResidencyAuditor", externalId: eu-audit-ext, regions: [eu-west-1]}
                - {id: "%s", roleArn: "arn:aws:iam::%s:role/ResidencyAuditor", externalId: us-audit-ext, regions: [us-east-1]}
                - {id: "%s", roleArn: "arn:aws:iam::%s:role/ResidencyAuditor", externalId: wrong-ext, regions: [ap-southeast-2]}
            """.formatted(EU_ACCOUNT, EU_ACCOUNT, US_ACCOUNT, US_ACCOUNT, DENYING_ACCOUNT, DENYING_ACCOUNT);

    /** The auditor's own key pair, from the SDK's default chain: STS turns it into each account's session. */
    public static final String AUDITOR_KEY_ID = "AKIAAUDITOROWNKEY";
    public static final String AUDITOR_SECRET = "auditor-own-secret-key-never-printed";

    /** S3's answer for a bucket without lifecycle rules (the emulator lacks the API); %s is the bucket. */
    public static final String NO_LIFECYCLE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Error><Code>NoSuchLifecycleConfiguration</Code><Message>The lifecycle configuration does not exist</Message><BucketName>%s</BucketName><RequestId>8D1F1B2C3A4E5F60</RequestId><HostId>host</HostId></Error>
            """;

    /** S3's answer for a bucket without Object Lock (the emulator lacks the API); %s is the bucket. */
    public static final String NO_LOCK = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Error><Code>ObjectLockConfigurationNotFoundError</Code><Message>Object Lock configuration does not exist for this bucket</Message><BucketName>%s</BucketName><RequestId>8D1F1B2C3A4E5F61</RequestId><HostId>host</HostId></Error>
            """;

    private final LocalS3 euS3 = LocalS3.builder().port(-1).mode(LocalS3Mode.IN_MEMORY).build();
    private final LocalS3 usS3 = LocalS3.builder().port(-1).mode(LocalS3Mode.IN_MEMORY).build();

    public ThreeAccountStandIns() {
        euS3.start();
        usS3.start();
    }

    /** A client of the EU account's own S3, to create its buckets. */
    public S3Client euAccount() {
        return S3Scenario.client(url(euS3));
    }

    /** A client of the US account's own S3, to create its buckets. */
    public S3Client usAccount() {
        return S3Scenario.client(url(usS3));
    }

    public static String role(String account) {
        return "arn:aws:iam::" + account + ":role/ResidencyAuditor";
    }

    /** The two good accounts' roles trust the auditor with their external ids; the third's trusts someone else. */
    public static StsStandIn sts() throws IOException {
        return new StsStandIn()
                .trust(role(EU_ACCOUNT), "eu-audit-ext", "ASIAEU")
                .trust(role(US_ACCOUNT), "us-audit-ext", "ASIAUS")
                .trust(role(DENYING_ACCOUNT), "only-the-old-auditor", "ASIAXX");
    }

    /** The S3 endpoint of the estate: each session's requests reach its own account's emulator. */
    public FaultyS3Front front() throws IOException {
        return new FaultyS3Front(url(euS3)).route("ASIAEU", url(euS3)).route("ASIAUS", url(usS3));
    }

    public static void useAuditorCredentials() {
        System.setProperty("aws.accessKeyId", AUDITOR_KEY_ID);
        System.setProperty("aws.secretAccessKey", AUDITOR_SECRET);
    }

    public static void clearAuditorCredentials() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    private static String url(LocalS3 s3) {
        return "http://127.0.0.1:" + s3.getPort();
    }

    @Override
    public void close() {
        euS3.shutdown();
        usS3.shutdown();
    }
}
