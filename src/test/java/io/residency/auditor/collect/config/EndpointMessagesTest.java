package io.residency.auditor.collect.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the resolver says about hosts it does not place (what was found, what was expected, the
 * exact estate entry that fixes it), and the AWS service hosts it reads where AWS puts the region.
 */
class EndpointMessagesTest {

    private final EndpointRegions noMap = new EndpointRegions(Map.of());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "https://oss-eu-west-1.aliyuncs.com|Alibaba Cloud OSS|its eu-west-1 is London",
            "https://s3.eu-central-1.wasabisys.com|Wasabi|its eu-central-1 is Amsterdam",
            "https://bj.bcebos.com|Baidu BOS|Baidu region id",
            "https://cos.eu-frankfurt.myqcloud.com|Tencent COS|Tencent Cloud region id",
            "https://objectstorage.eu-frankfurt-1.oraclecloud.com|Oracle Cloud Object Storage|OCI region id",
            "https://s3.eu-de.cloud-object-storage.appdomain.cloud|IBM Cloud Object Storage|IBM region id",
            "https://fra1.digitaloceanspaces.com|DigitalOcean Spaces|DigitalOcean region id",
            "https://s3.eu-central-003.backblazeb2.com|Backblaze B2|B2 region id",
            "https://0123abcd.eu.r2.cloudflarestorage.com|Cloudflare R2|not a region",
            "https://storage.googleapis.com|Google Cloud|setting of the bucket",
            "https://acmelogs.blob.core.windows.net|Azure Storage|names the storage account"})
    void anotherProvidersHostIsNamedAndNeverReadAsAnAwsRegion(String endpoint, String provider, String whereTheRegionIs) {
        EndpointLocation found = noMap.resolve(endpoint);

        assertThat(found.kind()).isEqualTo(EndpointLocation.Kind.NOT_LOCATED);
        assertThat(found.region()).isNull();
        assertThat(found.explanation()).containsPattern("is an? " + provider + " host").contains(whereTheRegionIs)
                .contains("never compared with the policy's regions")
                .endsWith("add it to the estate: endpoints: {<its region>: ['" + found.host() + "']}");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://10.0.4.7:9000", "0.0.0.0:4317", "http://[2001:db8::7]:3100"})
    void anIpAddressLiteralNamesNoRegion(String endpoint) {
        EndpointLocation found = noMap.resolve(endpoint);

        assertThat(found.kind()).isEqualTo(EndpointLocation.Kind.NOT_LOCATED);
        assertThat(found.explanation()).contains("is an IP address literal: an address names no region")
                .endsWith("add it to the estate: endpoints: {<its region>: ['" + found.host() + "']}");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://loki:3100", "minio:9000", "http://prometheus-k8s.monitoring.svc:9090",
            "tempo.tracing.svc.cluster.local:4317", "http://loki-eu-west-1:3100"})
    void aClusterLocalNameIsPlacedOnlyByTheEstate(String endpoint) {
        EndpointLocation found = noMap.resolve(endpoint);

        assertThat(found.kind()).isEqualTo(EndpointLocation.Kind.NOT_LOCATED);
        assertThat(found.explanation()).contains("is a cluster-local name").contains("ExternalName")
                .endsWith("add it to the estate: endpoints: {<its region>: ['" + found.host() + "']}");
        assertThat(new EndpointRegions(Map.of("eu-west-1", List.of(found.host()))).resolve(endpoint).region()).isEqualTo("eu-west-1");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "https://search-logs-abc123def.eu-west-1.es.amazonaws.com, eu-west-1",
            "https://vpc-logs-abc123def.eu-central-1.es.amazonaws.com:443, eu-central-1",
            "https://search-logs-abc123.cn-north-1.es.amazonaws.com.cn, cn-north-1",
            "https://1tg2xudton46knx2a95g.us-east-1.aoss.amazonaws.com, us-east-1",
            "https://1tg2xudton46knx2a95g.aoss.eu-west-3.on.aws, eu-west-3",
            "b-1.logs.a1b2c3.c2.kafka.eu-west-1.amazonaws.com:9098, eu-west-1",
            "boot-a1b2c3.c1.kafka-serverless.eu-north-1.amazonaws.com:9098, eu-north-1",
            "https://aps-workspaces.eu-central-1.amazonaws.com/workspaces/ws-1/api/v1/remote_write, eu-central-1",
            "xray.eu-west-1.amazonaws.com, eu-west-1",
            "https://logs.us-gov-west-1.amazonaws.com, us-gov-west-1",
            "https://logs-fips.us-gov-east-1.amazonaws.com, us-gov-east-1",
            "https://logs.cn-northwest-1.amazonaws.com.cn, cn-northwest-1"})
    void awsServiceHostsAreReadWhereAwsPutsTheRegion(String endpoint, String region) {
        assertThat(noMap.resolve(endpoint).region()).isEqualTo(region);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "https://search-logs.eu-west-1.es.amazonaws.com.evil.io",
            "https://eu-west-1.es.amazonaws.com",
            "https://search-logs.cn-north-1.es.amazonaws.com",
            "https://x.eu-west-1.aoss.on.aws",
            "https://kafka.eu-west-1.amazonaws.com.attacker.example",
            "https://aps-workspaces.eu-west-1.amazonaws.com-attacker.example"})
    void lookalikesOfTheNewFormsAreNotLocated(String endpoint) {
        assertThat(noMap.resolve(endpoint).isLocated()).isFalse();
    }
}
