package io.residency.auditor.collect.s3;

import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.services.s3.S3Client;

/** The same bucket scenario on LocalStack, for machines with a Docker engine; skipped without one. */
@Testcontainers(disabledWithoutDocker = true)
class S3ResidencyOnLocalStackTest extends S3ResidencyContract {

    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4"))
            .withServices("s3");

    @BeforeAll
    static void createScenario() {
        try (S3Client s3 = S3Scenario.client(LOCALSTACK.getEndpoint().toString())) {
            S3Scenario.create(s3, false);
        }
    }

    @Override
    String endpoint() {
        return LOCALSTACK.getEndpoint().toString();
    }
}
