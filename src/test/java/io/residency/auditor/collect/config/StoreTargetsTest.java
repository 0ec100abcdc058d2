package io.residency.auditor.collect.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.residency.auditor.estate.SourceSpec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Stores are written as their provider writes them, never {@code s3://} for a store that is not S3,
 * and another provider's region id never locates a store, even when it reads like an AWS region.
 * Each objstore.yml goes through the real reader and kind.
 */
class StoreTargetsTest {

    private static final EndpointRegions NO_MAP = new EndpointRegions(Map.of());

    @Test
    void aGcsBucketIsWrittenGsAndSaysHowToFindItsLocation() throws Exception {
        EgressTarget store = store("type: GCS\nconfig: {bucket: thanos-eu}\n", NO_MAP);

        assertThat(store.endpoint()).isEqualTo("gs://thanos-eu");
        assertThat(store.destinationRegion()).isNull();
        assertThat(store.regionBasis()).contains("gs://thanos-eu is a GCS bucket").contains("gcloud storage buckets describe gs://thanos-eu");
    }

    @Test
    void anAzureContainerIsWrittenAsItsAccountsBlobUrlAndTheEstateCanPlaceTheAccount() throws Exception {
        String yaml = "type: AZURE\nconfig: {storage_account: acmemetrics, container: thanos, storage_account_key: not-read}\n";

        EgressTarget unplaced = store(yaml, NO_MAP);
        EgressTarget placed = store(yaml, new EndpointRegions(Map.of("eu-west-1", List.of("acmemetrics.blob.core.windows.net"))));

        assertThat(unplaced.endpoint()).isEqualTo("https://acmemetrics.blob.core.windows.net/thanos");
        assertThat(unplaced.destinationRegion()).isNull();
        assertThat(unplaced.regionBasis()).contains("an Azure storage account's region is a setting of the account")
                .contains("add it to the estate: endpoints: {<its region>: ['acmemetrics.blob.core.windows.net']}");
        assertThat(placed.destinationRegion()).isEqualTo("eu-west-1");
    }

    @Test
    void anAzureSovereignCloudSuffixIsKept() throws Exception {
        EgressTarget store = store("type: AZURE\nconfig: {storage_account: acme, container: thanos, endpoint: blob.core.chinacloudapi.cn}\n", NO_MAP);

        assertThat(store.endpoint()).isEqualTo("https://acme.blob.core.chinacloudapi.cn/thanos");
    }

    @Test
    void anAlibabaHostWithAnAwsLookingRegionIdIsNotLocated() throws Exception {
        // Alibaba Cloud's eu-west-1 is London: the stack's own region name in the host proves nothing.
        EgressTarget store = store("type: ALIYUNOSS\nconfig: {endpoint: oss-eu-west-1.aliyuncs.com, bucket: thanos}\n", NO_MAP);

        assertThat(store.endpoint()).isEqualTo("aliyunoss://thanos");
        assertThat(store.destinationRegion()).isNull();
        assertThat(store.regionBasis()).contains("Alibaba Cloud OSS").contains("London").doesNotContain("s3://");
    }

    @Test
    void aProvidersRegionKeyIsNeverComparedWithThePolicysRegions() throws Exception {
        EgressTarget store = store("type: COS\nconfig: {bucket: thanos, region: eu-west-1, app_id: '1250000000'}\n", NO_MAP);

        assertThat(store.endpoint()).isEqualTo("cos://thanos");
        assertThat(store.destinationRegion()).isNull();
        assertThat(store.regionBasis()).contains("names no endpoint").contains("its region key 'eu-west-1' is cos's own region id");
    }

    @Test
    void anS3CompatibleEndpointWinsOverTheRegionKey() throws Exception {
        EgressTarget store = store("type: S3\nconfig: {bucket: thanos, endpoint: s3.eu-central-1.wasabisys.com, region: eu-central-1}\n", NO_MAP);

        assertThat(store.endpoint()).isEqualTo("s3://thanos");
        assertThat(store.destinationRegion()).isNull();
        assertThat(store.regionBasis()).contains("is a Wasabi host").contains("Amsterdam");
    }

    @Test
    void s3sGlobalEndpointWithoutARegionKeyIsTheGlobalEndpointNoRegion() throws Exception {
        EgressTarget store = store("type: S3\nconfig: {bucket: thanos, endpoint: s3.amazonaws.com}\n", NO_MAP);

        assertThat(store.destinationRegion()).isNull();
        assertThat(store.regionBasis()).contains("host s3.amazonaws.com is S3's global endpoint: no region");
    }

    private static EgressTarget store(String yaml, EndpointRegions regions) throws SourceReadException {
        ThanosObjstoreKind kind = new ThanosObjstoreKind();
        SourceSpec spec = new SourceSpec(null, kind.name(), "objstore.yml", null, "raw", null, null, null, null, null);
        ConfigDocument document = new ConfigDocumentReader(new EnvExpander(name -> null)).read(yaml.getBytes(StandardCharsets.UTF_8), spec, kind);
        List<EgressTarget> egress = ConfigCollector.parse(kind, document, new ParseContext("eu-west-1", regions, null)).egress();
        assertThat(egress).hasSize(1);
        return egress.get(0);
    }
}
