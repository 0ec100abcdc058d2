package io.residency.auditor.collect.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The estate's endpoints map with overlapping patterns: the most specific pattern wins, a tie
 * between regions locates nothing and names both, the order the map was written or built in
 * never changes a verdict, and a pattern is an exact host or {@code *.<domain>}, never a suffix or
 * substring trick.
 */
class EndpointRegionsEstateMapTest {

    private static final int ORDERS = 50;

    /** Overlapping patterns of three regions, as an estate could write them. */
    private static final Map<String, List<String>> OVERLAPPING = Map.of(
            "eu-west-1", List.of("*.observe.internal", "*.eu.observe.internal", "thanos.central.observe.internal", "*.shared.example"),
            "us-east-1", List.of("*.us.observe.internal", "*.central.observe.internal", "*.shared.example"),
            "eu-central-1", List.of("loki.observe.internal", "*.frankfurt.eu.observe.internal"));

    private static final List<String> HOSTS = List.of(
            "https://thanos.central.observe.internal:10902",
            "http://query.central.observe.internal",
            "loki.eu.observe.internal",
            "tempo.frankfurt.eu.observe.internal",
            "loki.us.observe.internal",
            "grafana.observe.internal",
            "collector.shared.example",
            "LOKI.EU.OBSERVE.INTERNAL",
            "loki.elsewhere.example");

    @Test
    void theSameEstateGivesTheSameVerdictWhateverOrderItsMapIsBuiltIn() {
        Map<String, EndpointLocation> first = verdicts(new EndpointRegions(OVERLAPPING));
        Random random = new Random(42);
        Set<List<String>> ordersSeen = new HashSet<>();
        for (int i = 0; i < ORDERS; i++) {
            Map<String, List<String>> shuffled = shuffled(OVERLAPPING, random);
            ordersSeen.add(List.copyOf(shuffled.keySet()));
            assertThat(verdicts(new EndpointRegions(shuffled))).as("insertion order %s", shuffled).isEqualTo(first);
        }
        assertThat(ordersSeen).as("the shuffles tried several region orders").hasSizeGreaterThan(1);
    }

    @Test
    void theMostSpecificPatternWins() {
        EndpointRegions regions = new EndpointRegions(OVERLAPPING);
        // An exact host beats every glob, even a longer one of another region.
        assertThat(regions.resolve("https://thanos.central.observe.internal:10902").region()).isEqualTo("eu-west-1");
        // The longer domain wins: *.central.observe.internal beats *.observe.internal.
        assertThat(regions.resolve("query.central.observe.internal").region()).isEqualTo("us-east-1");
        // *.frankfurt.eu.observe.internal beats *.eu.observe.internal and *.observe.internal.
        assertThat(regions.resolve("tempo.frankfurt.eu.observe.internal").region()).isEqualTo("eu-central-1");
        // An exact host of one region beats a wildcard of another that also covers it.
        assertThat(regions.resolve("loki.observe.internal").region()).isEqualTo("eu-central-1");
        assertThat(regions.resolve("grafana.observe.internal").region()).isEqualTo("eu-west-1");
        assertThat(regions.resolve("query.central.observe.internal").explanation())
                .isEqualTo("endpoint query.central.observe.internal matches estate endpoints pattern *.central.observe.internal");
    }

    @Test
    void aTieBetweenTwoRegionsLocatesNothingAndNamesBoth() {
        EndpointRegions regions = new EndpointRegions(OVERLAPPING);
        EndpointLocation shared = regions.resolve("collector.shared.example");
        assertThat(shared.kind()).isEqualTo(EndpointLocation.Kind.NOT_LOCATED);
        assertThat(shared.explanation()).isEqualTo("host collector.shared.example matches estate endpoints patterns of 2 regions equally:"
                + " eu-west-1 (pattern *.shared.example) and us-east-1 (pattern *.shared.example);"
                + " make one pattern more specific in the estate's endpoints map");
    }

    @Test
    void aTieWithinOneRegionIsThatRegion() {
        EndpointRegions regions = new EndpointRegions(Map.of("eu-west-1", List.of("*.eu.internal", "*.EU.internal")));
        assertThat(regions.resolve("loki.eu.internal").region()).isEqualTo("eu-west-1");
    }

    @Test
    void patternsAndHostsCompareWithoutCase() {
        EndpointRegions regions = new EndpointRegions(Map.of("eu-west-1", List.of("*.EU.Observe.Internal", "MinIO.svc")));
        assertThat(regions.resolve("http://loki.eu.observe.INTERNAL:3100").region()).isEqualTo("eu-west-1");
        assertThat(regions.resolve("minio.SVC").region()).isEqualTo("eu-west-1");
    }

    @Test
    void aWildcardCoversWholeLabelsUnderItsDomainAndNothingElse() {
        EndpointRegions regions = new EndpointRegions(Map.of("eu-west-1", List.of("*.eu.example.com", "s3.eu-west-1.example.com")));
        assertThat(regions.resolve("https://loki.eu.example.com:3100").region()).isEqualTo("eu-west-1");
        assertThat(regions.resolve("a.b.eu.example.com").region()).isEqualTo("eu-west-1");
        // Suffix and substring tricks an attacker could register: none is placed.
        for (String trick : List.of("eu.example.com", "evil-eu.example.com", "eu.example.com.evil.io", "loki.eu.example.com.evil.io",
                "s3.eu-west-1.example.com.evil.io", "xs3.eu-west-1.example.com", "eu-west-1.attacker.com")) {
            assertThat(regions.resolve("https://" + trick + "/").isLocated()).as(trick).isFalse();
        }
    }

    @Test
    void patternsThatCouldMatchPartOfALabelAreRefused() {
        for (String bad : List.of("lok*.observe.internal", "*-frankfurt.eu.observe.internal", "loki.*.internal", "*", "*.com",
                "eu-west-1*", "a+b?.internal", "https://loki.eu.example.com", "loki.eu.example.com:3100", "*.0.4.7")) {
            assertThatThrownBy(() -> new EndpointRegions(Map.of("eu-west-1", List.of(bad)))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theEstateMapComesBeforeAwsHostNames() {
        EndpointRegions regions = new EndpointRegions(Map.of("eu-west-1", List.of("*.vpce.amazonaws.com")));
        assertThat(regions.resolve("vpce-1.s3.us-east-1.vpce.amazonaws.com").region()).isEqualTo("eu-west-1");
        assertThat(new EndpointRegions(null).resolve("s3.eu-west-1.amazonaws.com").region()).isEqualTo("eu-west-1");
    }

    private static Map<String, EndpointLocation> verdicts(EndpointRegions regions) {
        Map<String, EndpointLocation> verdicts = new LinkedHashMap<>();
        HOSTS.forEach(host -> verdicts.put(host, regions.resolve(host)));
        return verdicts;
    }

    private static Map<String, List<String>> shuffled(Map<String, List<String>> map, Random random) {
        List<String> regions = new ArrayList<>(map.keySet().stream().sorted().toList());
        Collections.shuffle(regions, random);
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (String region : regions) {
            List<String> patterns = new ArrayList<>(map.get(region));
            Collections.shuffle(patterns, random);
            result.put(region, patterns);
        }
        return result;
    }
}
