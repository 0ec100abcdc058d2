package io.residency.auditor.collect.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointRegionsTest {

    private final EndpointRegions regions = new EndpointRegions(Map.of(
            "eu-west-1", List.of("*.eu-west-1.observe.internal", "minio.storage.svc"),
            "us-east-1", List.of("*.virginia.example.com")));

    private String regionOf(String endpoint) {
        return regions.resolve(endpoint).map(EndpointRegions.Resolution::region).orElse(null);
    }

    @Test
    void estateMapComesFirst() {
        assertThat(regionOf("http://minio.storage.svc:9000")).isEqualTo("eu-west-1");
        assertThat(regionOf("https://loki.virginia.example.com")).isEqualTo("us-east-1");
        assertThat(regions.resolve("loki.virginia.example.com").orElseThrow().basis()).contains("estate endpoints pattern");
    }

    @Test
    void awsHostNamesInEveryCommonShape() {
        assertThat(regionOf("s3.eu-west-2.amazonaws.com")).isEqualTo("eu-west-2");
        assertThat(regionOf("https://s3-eu-west-1.amazonaws.com")).isEqualTo("eu-west-1");
        assertThat(regionOf("bucket.s3.us-west-2.amazonaws.com")).isEqualTo("us-west-2");
        assertThat(regionOf("s3.dualstack.ap-southeast-2.amazonaws.com")).isEqualTo("ap-southeast-2");
        assertThat(regionOf("s3-fips.us-gov-west-1.amazonaws.com")).isEqualTo("us-gov-west-1");
        assertThat(regionOf("aps-workspaces.eu-central-1.amazonaws.com")).isEqualTo("eu-central-1");
    }

    @Test
    void awsGlobalEndpointNamesNoRegion() {
        assertThat(regionOf("s3.amazonaws.com")).isNull();
        assertThat(EndpointRegions.isAwsGlobalEndpoint("https://s3.amazonaws.com")).isTrue();
    }

    @Test
    void regionNameInsideAnyHost() {
        assertThat(regionOf("loki-eu-west-1.observe.internal:3100")).isEqualTo("eu-west-1");
        assertThat(regionOf("tempo.us-east-2.corp")).isEqualTo("us-east-2");
    }

    @Test
    void hostsWithoutARegionStayUnknown() {
        assertThat(regionOf("minio.other.svc:9000")).isNull();
        assertThat(regionOf("storage.europe.example.com")).isNull();
    }

    @Test
    void hostOfDropsSchemeUserInfoPortAndPath() {
        assertThat(EndpointRegions.hostOf("https://user:pa55@S3.EU-WEST-1.amazonaws.com:443/bucket?x=1"))
                .isEqualTo("s3.eu-west-1.amazonaws.com");
    }
}
