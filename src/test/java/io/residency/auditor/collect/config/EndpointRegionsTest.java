package io.residency.auditor.collect.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointRegionsTest {

    private final EndpointRegions regions = new EndpointRegions(Map.of(
            "eu-west-1", List.of("*.eu-west-1.observe.internal", "minio.storage.svc"),
            "us-east-1", List.of("*.virginia.example.com")));

    private String regionOf(String endpoint) {
        return regions.resolve(endpoint).region();
    }

    @Test
    void estateMapComesFirst() {
        assertThat(regionOf("http://minio.storage.svc:9000")).isEqualTo("eu-west-1");
        assertThat(regionOf("https://loki.virginia.example.com")).isEqualTo("us-east-1");
        assertThat(regions.resolve("loki.virginia.example.com").explanation()).contains("estate endpoints pattern *.virginia.example.com");
    }

    @Test
    void estateMapPlacesHostsThatNameAnotherRegionInsideThem() {
        // The estate says where its own hosts are; a region word in the name does not overrule it.
        EndpointRegions mapped = new EndpointRegions(Map.of("us-east-1", List.of("eu-west-1.attacker.example.com")));
        assertThat(mapped.resolve("https://eu-west-1.attacker.example.com").region()).isEqualTo("us-east-1");
    }

    static Stream<Arguments> awsHostsInEveryFormOfTheTable() {
        return Stream.of(
                Arguments.of("s3.eu-west-2.amazonaws.com", "eu-west-2"),
                Arguments.of("https://s3-eu-west-1.amazonaws.com", "eu-west-1"),
                Arguments.of("logs-eu.s3-eu-west-1.amazonaws.com", "eu-west-1"),
                Arguments.of("bucket.s3.us-west-2.amazonaws.com", "us-west-2"),
                Arguments.of("my.dotted.bucket.s3.eu-central-1.amazonaws.com", "eu-central-1"),
                Arguments.of("s3.dualstack.ap-southeast-2.amazonaws.com", "ap-southeast-2"),
                Arguments.of("bucket.s3.dualstack.eu-north-1.amazonaws.com", "eu-north-1"),
                Arguments.of("s3-fips.us-gov-west-1.amazonaws.com", "us-gov-west-1"),
                Arguments.of("s3-fips.dualstack.us-east-2.amazonaws.com", "us-east-2"),
                Arguments.of("ap-123456789012.s3-accesspoint.eu-west-3.amazonaws.com", "eu-west-3"),
                Arguments.of("site.s3-website-us-east-1.amazonaws.com", "us-east-1"),
                Arguments.of("site.s3-website.eu-west-1.amazonaws.com", "eu-west-1"),
                Arguments.of("bucket.vpce-0a1b2c3d-4e5f6a7b.s3.eu-west-1.vpce.amazonaws.com", "eu-west-1"),
                Arguments.of("vpce-0a1b2c3d-4e5f6a7b.logs.eu-west-1.vpce.amazonaws.com", "eu-west-1"),
                Arguments.of("k8s-eu-west-1-ingress-0a1b.us-east-1.elb.amazonaws.com", "us-east-1"),
                Arguments.of("dualstack.my-alb-1234.eu-west-1.elb.amazonaws.com", "eu-west-1"),
                Arguments.of("my-nlb-0123456789abcdef.elb.eu-central-1.amazonaws.com", "eu-central-1"),
                Arguments.of("a1b2c3.execute-api.eu-west-1.amazonaws.com", "eu-west-1"),
                Arguments.of("https://aps-workspaces.eu-central-1.amazonaws.com/workspaces/ws-1/api/v1/remote_write", "eu-central-1"),
                Arguments.of("logs.eu-west-1.amazonaws.com", "eu-west-1"),
                Arguments.of("xray.us-east-1.amazonaws.com:443", "us-east-1"),
                Arguments.of("logs.eu-west-1.api.aws", "eu-west-1"),
                Arguments.of("s3.cn-north-1.amazonaws.com.cn", "cn-north-1"),
                Arguments.of("bucket.s3.cn-northwest-1.amazonaws.com.cn", "cn-northwest-1"),
                Arguments.of("S3.EU-WEST-1.AMAZONAWS.COM.", "eu-west-1"));
    }

    @ParameterizedTest(name = "{0} is in {1}")
    @MethodSource("awsHostsInEveryFormOfTheTable")
    void awsHostsAreReadWhereAwsPutsTheRegion(String endpoint, String region) {
        EndpointLocation found = regions.resolve(endpoint);
        assertThat(found.isLocated()).as(found.explanation()).isTrue();
        assertThat(found.region()).isEqualTo(region);
        assertThat(found.explanation()).startsWith("AWS endpoint ");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "eu-west-1.attacker.example.com",
            "https://eu-west-1.attacker.example.com/",
            "s3.eu-west-1.amazonaws.com.attacker.example",
            "loki-eu-west-1.observe.internal:3100",
            "tempo.us-east-2.corp",
            "s3.eu-west-1.amazonaws.com-attacker.example",
            "amazonaws.com.eu-west-1.example",
            "eu-west-1.api.aws.attacker.example"})
    void aRegionNameInsideAnyOtherHostProvesNothing(String endpoint) {
        EndpointLocation found = regions.resolve(endpoint);
        assertThat(found.kind()).isEqualTo(EndpointLocation.Kind.NOT_LOCATED);
        assertThat(found.explanation()).contains("is not a cloud provider host the auditor reads")
                .contains("add it to the estate: endpoints: {<its region>: ['" + found.host() + "']}");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "https://collector.example.com?region=eu-west-1",
            "https://collector.example.com#eu-west-1",
            "https://collector.example.com/eu-west-1",
            "https://eu-west-1@collector.example.com",
            "https://eu-west-1:s3.eu-west-1.amazonaws.com@collector.example.com",
            "collector.example.com?x=s3.eu-west-1.amazonaws.com",
            "collector.example.com\\@s3.eu-west-1.amazonaws.com"})
    void queryFragmentPathAndUserInfoNeverContributeARegion(String endpoint) {
        EndpointLocation found = regions.resolve(endpoint);
        assertThat(found.host()).isEqualTo("collector.example.com");
        assertThat(found.kind()).isEqualTo(EndpointLocation.Kind.NOT_LOCATED);
    }

    @Test
    void theReasonSaysWhatWasFoundAndTheFix() {
        assertThat(regions.resolve("https://eu-west-1.attacker.example.com").explanation())
                .isEqualTo("host eu-west-1.attacker.example.com is not a cloud provider host the auditor reads and no estate endpoints"
                        + " pattern matches it (a region name inside another host proves nothing); add it to the estate:"
                        + " endpoints: {<its region>: ['eu-west-1.attacker.example.com']}");
        assertThat(regions.resolve("sqs.amazonaws.com").explanation())
                .contains("host sqs.amazonaws.com is an AWS host in no form that names a region");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"s3.amazonaws.com", "https://s3.amazonaws.com/bucket", "bucket.s3.amazonaws.com", "s3-external-1.amazonaws.com"})
    void awsGlobalEndpointNamesNoRegion(String endpoint) {
        EndpointLocation found = regions.resolve(endpoint);
        assertThat(found.kind()).isEqualTo(EndpointLocation.Kind.NOT_LOCATED);
        assertThat(found.explanation()).contains("is S3's global endpoint: no region");
        assertThat(EndpointRegions.isAwsGlobalEndpoint(endpoint)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"s3.eu-west-1.amazonaws.com.cn", "s3.cn-north-1.amazonaws.com", "s3.eu-west-1.vpce.amazonaws.com",
            "ec2-1-2-3-4.compute-1.amazonaws.com", "s3.external-1.amazonaws.com"})
    void awsHostsOutsideTheTableAreNotLocated(String endpoint) {
        assertThat(regions.resolve(endpoint).kind()).isEqualTo(EndpointLocation.Kind.NOT_LOCATED);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"localhost", "http://localhost:3100", "LOCALHOST", "127.0.0.1", "127.1.2.3:9090", "http://127.255.255.254/x",
            "[::1]", "http://[::1]:9000/api", "[0:0:0:0:0:0:0:1]:4317", "::1", "http://user:pw@localhost:3100", "[::ffff:127.0.0.1]:80",
            "localhost.", "127.0.0.1."})
    void loopbackLiteralsAndExactlyLocalhostAreLocal(String endpoint) {
        // A fully qualified "localhost." is the same name as "localhost".
        EndpointLocation found = regions.resolve(endpoint);
        assertThat(found.kind()).as(found.explanation()).isEqualTo(EndpointLocation.Kind.LOCAL);
        assertThat(found.region()).isNull();
        assertThat(EndpointRegions.isLocal(endpoint)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"127.0.0.1.nip.io", "localhost.attacker.com", "http://localhost.eu-west-1.attacker.com", "127.example.com",
            "localhostx", "0.0.0.0:4317", "127.1", "[::2]", "[fe80::1]:80", "128.0.0.1", "2130706433", "0x7f.0.0.1",
            "my-localhost"})
    void dnsNamesThatOnlyStartLikeLoopbackAreNotLocal(String endpoint) {
        EndpointLocation found = regions.resolve(endpoint);
        assertThat(found.kind()).as(endpoint).isEqualTo(EndpointLocation.Kind.NOT_LOCATED);
        assertThat(EndpointRegions.isLocal(endpoint)).isFalse();
    }

    @Test
    void ipv6LiteralsAreHostsOfTheirOwn() {
        assertThat(EndpointRegions.hostOf("http://[2001:db8::7]:9000/path")).isEqualTo("[2001:db8::7]");
        assertThat(EndpointRegions.hostOf("[2001:DB8::7]")).isEqualTo("[2001:db8::7]");
        assertThat(regions.resolve("http://[2001:db8::7]:9000").kind()).isEqualTo(EndpointLocation.Kind.NOT_LOCATED);
        EndpointRegions mapped = new EndpointRegions(Map.of("eu-west-1", List.of("[2001:db8::7]")));
        assertThat(mapped.resolve("https://[2001:db8::7]:443/x").region()).isEqualTo("eu-west-1");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "   ", "http://", "https://:9000", "http://[::1", "http://[zz::1]:80", "host:port", "host:99999999",
            "http://host name", "https://ex\u0007ample.com", "https://exa%6dple.com", "https://bücher.example", "https://a..b",
            "https://[::1]x", "https://collector.example.com:eu-west-1"})
    void endpointsWithoutAReadableHostAreNotLocatedAndNotQuoted(String endpoint) {
        EndpointLocation found = regions.resolve(endpoint);
        assertThat(found.kind()).isEqualTo(EndpointLocation.Kind.NOT_LOCATED);
        assertThat(found.host()).isEmpty();
        if (!endpoint.isBlank()) {
            assertThat(found.explanation()).doesNotContain(endpoint.strip());
        }
    }

    @Test
    void overLongHostsAreNotHosts() {
        String longHost = "a".repeat(60) + "." + "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(60) + ".s3.eu-west-1.amazonaws.com";
        assertThat(regions.resolve(longHost).kind()).isEqualTo(EndpointLocation.Kind.NOT_LOCATED);
        assertThat(regions.resolve(longHost).host()).isEmpty();
    }

    @Test
    void hostOfDropsSchemeUserInfoPortPathQueryAndFragment() {
        assertThat(EndpointRegions.hostOf("https://user:pa55@S3.EU-WEST-1.amazonaws.com:443/bucket?x=1")).isEqualTo("s3.eu-west-1.amazonaws.com");
        assertThat(EndpointRegions.hostOf("user:p@ss:w@rd@minio:9000/b")).isEqualTo("minio");
        assertThat(EndpointRegions.hostOf("minio:9000?token=x")).isEqualTo("minio");
        assertThat(EndpointRegions.hostOf("minio#frag")).isEqualTo("minio");
        assertThat(EndpointRegions.hostOf("//minio.svc/x")).isEqualTo("minio.svc");
    }

    @Test
    void anS3UrlHostIsARegionNameNotAnEndpointHost() {
        // s3://region/bucket is read by S3Url and S3Settings; as an endpoint its "host" is no provider host.
        assertThat(regions.resolve("s3://eu-west-1/bucket").kind()).isEqualTo(EndpointLocation.Kind.NOT_LOCATED);
    }
}
