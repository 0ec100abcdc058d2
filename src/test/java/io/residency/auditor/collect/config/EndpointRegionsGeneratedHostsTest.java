package io.residency.auditor.collect.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The verdict depends on the host alone: generated hosts (provider forms, look-alikes, estate
 * hosts, loopback and its look-alikes, IPv6), each wrapped many ways with scheme, user info, port,
 * path, query and fragment that name other regions, resolve exactly as the bare host does.
 * Seeded, so a failure names a case that can be run again.
 */
class EndpointRegionsGeneratedHostsTest {

    private static final long SEED = 20261202L;
    private static final int HOSTS = 400;
    private static final int WRAPPINGS_PER_HOST = 25;
    private static final List<String> REGIONS = List.of("eu-west-1", "eu-central-1", "us-east-1", "us-west-2", "ap-southeast-2",
            "us-gov-west-1", "eu-north-1");
    private static final EndpointRegions ESTATE = new EndpointRegions(Map.of(
            "eu-west-1", List.of("*.eu.observe.internal", "minio.storage.svc"),
            "us-east-1", List.of("*.us.observe.internal")));

    /** A generated host, and the region it must resolve to ({@code null}: not located or local). */
    record GeneratedHost(String host, String expectedRegion, boolean local) {
    }

    static Stream<GeneratedHost> generatedHosts() {
        Random random = new Random(SEED);
        List<GeneratedHost> hosts = new ArrayList<>();
        for (int i = 0; i < HOSTS; i++) {
            hosts.add(generate(random));
        }
        return hosts.stream();
    }

    private static GeneratedHost generate(Random random) {
        String region = pick(random, REGIONS);
        String other = pick(random, REGIONS);
        String label = label(random);
        return switch (random.nextInt(12)) {
            case 0 -> new GeneratedHost("s3." + region + ".amazonaws.com", region, false);
            case 1 -> new GeneratedHost(label + "." + other + ".s3." + region + ".amazonaws.com", region, false);
            case 2 -> new GeneratedHost("s3-" + region + ".amazonaws.com", region, false);
            case 3 -> new GeneratedHost("k8s-" + other + "-" + label + "." + region + ".elb.amazonaws.com", region, false);
            case 4 -> new GeneratedHost(pick(random, List.of("logs", "xray", "aps-workspaces", "sts")) + "." + region + ".amazonaws.com", region, false);
            case 5 -> new GeneratedHost(pick(random, List.of("logs", "s3")) + "." + region + ".api.aws", region, false);
            // Look-alikes: the region word anywhere outside AWS's own domains, or AWS's name as a prefix.
            case 6 -> new GeneratedHost(region + "." + label + ".example.com", null, false);
            case 7 -> new GeneratedHost("s3." + region + ".amazonaws.com." + label + ".example", null, false);
            case 8 -> new GeneratedHost(label + "-" + region + ".observe.internal", null, false);
            case 9 -> new GeneratedHost(label + (random.nextBoolean() ? ".eu" : ".us") + ".observe.internal",
                    null, false);
            case 10 -> pick(random, List.of(
                    new GeneratedHost("localhost", null, true),
                    new GeneratedHost("127." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256), null, true),
                    new GeneratedHost("[::1]", null, true),
                    new GeneratedHost("127.0.0.1." + label + ".nip.io", null, false),
                    new GeneratedHost("localhost." + label + ".com", null, false)));
            default -> new GeneratedHost("[2001:db8::" + Integer.toHexString(random.nextInt(0xffff)) + "]", null, false);
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generatedHosts")
    void theVerdictDependsOnTheHostAlone(GeneratedHost generated) {
        EndpointLocation bare = ESTATE.resolve(generated.host());
        assertThat(bare.host()).isEqualTo(generated.host());
        assertThat(bare.isLocal()).as(bare.explanation()).isEqualTo(generated.local());
        if (generated.host().endsWith(".eu.observe.internal")) {
            assertThat(bare.region()).isEqualTo("eu-west-1");
        } else if (generated.host().endsWith(".us.observe.internal")) {
            assertThat(bare.region()).isEqualTo("us-east-1");
        } else {
            assertThat(bare.region()).as(bare.explanation()).isEqualTo(generated.expectedRegion());
        }

        Random random = new Random(SEED ^ generated.host().hashCode());
        for (int i = 0; i < WRAPPINGS_PER_HOST; i++) {
            String endpoint = wrap(generated.host(), random);
            assertThat(ESTATE.resolve(endpoint)).as(endpoint).isEqualTo(bare);
            assertThat(EndpointRegions.hostOf(endpoint)).as(endpoint).isEqualTo(generated.host());
        }
    }

    /** The host inside a random endpoint whose every other part names regions and AWS hosts. */
    private static String wrap(String host, Random random) {
        String decoy = pick(random, REGIONS);
        String decoyHost = "s3." + decoy + ".amazonaws.com";
        StringBuilder endpoint = new StringBuilder();
        switch (random.nextInt(4)) {
            case 0 -> endpoint.append(pick(random, List.of("http", "https", "grpc", "HTTPS", "s3"))).append("://");
            case 1 -> endpoint.append("//");
            default -> { }
        }
        if (random.nextInt(3) == 0) {
            endpoint.append(pick(random, List.of(decoy, decoyHost, "user:" + decoy, decoy + ":p@ss:" + decoyHost, "a%40b:" + decoy))).append('@');
        }
        endpoint.append(random.nextBoolean() ? host : host.toUpperCase(java.util.Locale.ROOT));
        if (random.nextBoolean()) {
            endpoint.append(':').append(random.nextInt(65536));
        }
        if (random.nextBoolean()) {
            endpoint.append(pick(random, List.of("/", "/" + decoy, "/" + decoyHost + "/bucket", "/api/v1/push", "/" + decoy + "@" + decoyHost)));
        }
        if (random.nextBoolean()) {
            endpoint.append(pick(random, List.of("?region=", "?host=", "?X-Amz-Credential=AKIA/20260101/", "?")))
                    .append(random.nextBoolean() ? decoy : decoyHost);
        }
        if (random.nextBoolean()) {
            endpoint.append('#').append(random.nextBoolean() ? decoy : "@" + decoyHost);
        }
        return endpoint.toString();
    }

    private static String label(Random random) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder label = new StringBuilder();
        label.append((char) ('a' + random.nextInt(26)));
        for (int i = 0, n = random.nextInt(10); i < n; i++) {
            label.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return label.toString();
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
