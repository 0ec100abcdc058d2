package io.residency.auditor.collect.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.residency.auditor.TestPaths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LokiStorageParserTest {

    private final ConfigFileReader reader = new ConfigFileReader();
    private final LokiStorageParser parser = new LokiStorageParser(new S3Settings(new EndpointRegions(Map.of())));

    private List<StorageLocation> parse(String fixture) throws SourceReadException {
        return parser.parse(reader.read(TestPaths.resource("loki/" + fixture)).root(), "eu-west-1");
    }

    @Test
    void commonStorageS3UrlGivesRegionAndBucket() throws SourceReadException {
        assertThat(parse("common-s3-url.yaml"))
                .extracting(StorageLocation::configPath, StorageLocation::bucket, StorageLocation::declaredRegion, StorageLocation::regionBasis)
                .containsExactly(tuple("common.storage.s3", "loki-chunks", "eu-west-1", "region in s3 URL"));
    }

    @Test
    void storageConfigAwsWithBucketListAndAwsEndpoint() throws SourceReadException {
        List<StorageLocation> locations = parse("storage-config-aws-keys.yaml");

        assertThat(locations)
                .extracting(StorageLocation::configPath, StorageLocation::bucket, StorageLocation::declaredRegion, StorageLocation::endpoint)
                .containsExactly(
                        tuple("storage_config.aws", "chunks-a", "eu-central-1", "s3.eu-central-1.amazonaws.com"),
                        tuple("storage_config.aws", "chunks-b", "eu-central-1", "s3.eu-central-1.amazonaws.com"));
        assertThat(locations.toString()).doesNotContain("AKIAPLANTEDKEYID0001", "planted/secret");
    }

    @Test
    void explicitRegionKeyOverridesTheUrl() throws SourceReadException {
        assertThat(parse("region-key-overrides-url.yaml"))
                .extracting(StorageLocation::bucket, StorageLocation::declaredRegion, StorageLocation::regionBasis)
                .containsExactly(tuple("bucket-x", "eu-north-1", "region key"));
    }

    @Test
    void filesystemStorageStaysInTheStacksRegion() throws SourceReadException {
        assertThat(parse("filesystem.yaml"))
                .extracting(StorageLocation::backend, StorageLocation::declaredRegion)
                .containsExactly(tuple("filesystem", "eu-west-1"));
    }

    @Test
    void anEndpointOfNoKnownRegionLeavesTheRegionUnknownWhateverTheRegionKeySays() throws SourceReadException {
        assertThat(parse("unknown-endpoint.yaml"))
                .extracting(StorageLocation::declaredRegion, StorageLocation::regionBasis)
                .containsExactly(tuple(null, "endpoint minio.storage.svc belongs to no known region (add it to the estate's endpoints map)"));
    }
}
