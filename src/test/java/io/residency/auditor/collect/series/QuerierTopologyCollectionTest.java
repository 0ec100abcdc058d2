package io.residency.auditor.collect.series;

import static org.assertj.core.api.Assertions.assertThat;

import io.residency.auditor.estate.Thanos;
import io.residency.auditor.facts.QuerierStoreFact;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The querier's flags and stores, read from a stand-in that answers as Thanos does. */
class QuerierTopologyCollectionTest {

    private static final String NO_STORES = "{\"store\":[]}";

    private static QuerierTopologyCollection.Result collect(ThanosStandIn querier) {
        return new QuerierTopologyCollection(Duration.ofSeconds(10), name -> null)
                .collect(new Thanos(querier.url(), "region", null, null, null, null));
    }

    @ParameterizedTest(name = "query.replica-label={0} strips the region label: {1}")
    @CsvSource({"'replica,region', true", "region, true", "' replica , region ', true", "'replica,region_name', false",
            "'replica,prometheus_replica', false", "'', false"})
    void theReplicaLabelsAreMatchedElementByElement(String joined, boolean strips) throws IOException {
        try (ThanosStandIn querier = new ThanosStandIn(ThanosStandIn.replicaLabels(joined), ThanosStandIn.Answer.ok(NO_STORES))) {
            var topology = collect(querier).topology();

            assertThat(topology.flagsStatus()).isEqualTo("OK");
            assertThat(topology.regionLabelIsReplica()).isEqualTo(strips);
        }
    }

    @Test
    void theReplicaLabelsAreKeptInTheQueriersOrder() throws IOException {
        try (ThanosStandIn querier = new ThanosStandIn(ThanosStandIn.replicaLabels("replica,region,replica"), ThanosStandIn.Answer.ok(NO_STORES))) {
            assertThat(collect(querier).topology().replicaLabels()).isEqualTo("replica,region");
        }
    }

    @Test
    void flagsWithoutAReplicaLabelAreASuccessfulAnswerWithNone() throws IOException {
        try (ThanosStandIn querier = new ThanosStandIn(ThanosStandIn.Answer.ok("{\"query.timeout\":\"2m0s\"}"), ThanosStandIn.Answer.ok(NO_STORES))) {
            var topology = collect(querier).topology();

            assertThat(topology.flagsStatus()).isEqualTo("OK");
            assertThat(topology.replicaLabels()).isEmpty();
            assertThat(topology.regionLabelIsReplica()).isFalse();
        }
    }

    @ParameterizedTest(name = "flags answered {0} are unverified: {2}")
    @CsvSource(delimiter = '|', value = {
            "500 | {\"status\":\"error\"} | HTTP 500",
            "200 | <html>502 Bad Gateway</html> | not JSON",
            "200 | {\"status\":\"success\",\"data\":{\"query.replica-label\":\"replica\"},\"warnings\":[\"partial\"]} | warned",
            "200 | {\"status\":\"success\",\"data\":[\"replica\"]} | data is not an object",
            "200 | {\"status\":\"success\",\"data\":{\"query.replica-label\":[\"replica\"]}} | expected a string"})
    void flagsThatAreNotACompleteAnswerAreUnverifiedAndNeverClean(int status, String body, String reason) throws IOException {
        try (ThanosStandIn querier = new ThanosStandIn(new ThanosStandIn.Answer(status, body), ThanosStandIn.Answer.ok(NO_STORES))) {
            var topology = collect(querier).topology();

            assertThat(topology.flagsStatus()).isEqualTo("UNVERIFIED");
            assertThat(topology.flagsReason()).contains("/api/v1/status/flags", reason);
            assertThat(topology.regionLabelIsReplica()).isFalse();
            assertThat(topology.storesStatus()).as("the stores are asked on their own").isEqualTo("OK");
        }
    }

    @Test
    void everyStoreIsAttributedThroughTheRegionLabelOfItsLabelSetsAndSortedByTypeAndName() throws IOException {
        String stores = "{\"store\":[" + ThanosStandIn.store("sg-us:10901", "{\"region\":\"us-east-1\"}")
                + "," + ThanosStandIn.store("sg-eu:10901", "{\"region\":\"eu-west-1\",\"replica\":\"0\"}", "{\"region\":\"eu-west-1\",\"replica\":\"1\"}")
                + "],\"sidecar\":[" + ThanosStandIn.store("shared:10901", "{\"region\":\"eu-west-1\"}", "{\"region\":\"us-east-1\"}")
                + "],\"rule\":[" + ThanosStandIn.store("ruler:10901", "{\"cluster\":\"ops\"}") + "],\"receive\":null}";
        try (ThanosStandIn querier = new ThanosStandIn(ThanosStandIn.replicaLabels("replica"), ThanosStandIn.Answer.ok(stores))) {
            var result = collect(querier);

            assertThat(result.topology().storesStatus()).isEqualTo("OK");
            assertThat(result.stores()).extracting(s -> s.type() + " " + s.name() + " [" + s.regionsNamed() + "] " + s.region())
                    .containsExactly("rule ruler:10901 [] null", "sidecar shared:10901 [eu-west-1,us-east-1] null",
                            "store sg-eu:10901 [eu-west-1] eu-west-1", "store sg-us:10901 [us-east-1] us-east-1");
            QuerierStoreFact eu = result.stores().get(2);
            assertThat(eu.labelSets()).isEqualTo("[{\"region\":\"eu-west-1\",\"replica\":\"0\"},{\"region\":\"eu-west-1\",\"replica\":\"1\"}]");
            assertThat(eu.minTime()).isEqualTo(1_700_000_000_000L);
            assertThat(eu.maxTime()).isEqualTo(Long.MAX_VALUE);
            assertThat(eu.lastError()).isNull();
        }
    }

    @Test
    void aStoresAnswerWithWarningsIsUnverifiedAndKeepsNoStore() throws IOException {
        String body = "{\"status\":\"success\",\"data\":{\"store\":[" + ThanosStandIn.store("sg-eu:10901", "{\"region\":\"eu-west-1\"}")
                + "]},\"warnings\":[\"endpoint sg-us:10901 unhealthy\"]}";
        try (ThanosStandIn querier = new ThanosStandIn(ThanosStandIn.replicaLabels("replica"), new ThanosStandIn.Answer(200, body))) {
            var result = collect(querier);

            assertThat(result.topology().storesStatus()).isEqualTo("UNVERIFIED");
            assertThat(result.topology().storesReason()).contains("warned");
            assertThat(result.stores()).isEmpty();
        }
    }

    @Test
    void theLastErrorOfAStoreIsKept() throws IOException {
        String stores = "{\"store\":[{\"name\":\"sg-eu:10901\",\"lastError\":\"rpc error: connection refused\",\"labelSets\":[{\"region\":\"eu-west-1\"}]}]}";
        try (ThanosStandIn querier = new ThanosStandIn(ThanosStandIn.replicaLabels("replica"), ThanosStandIn.Answer.ok(stores))) {
            QuerierStoreFact store = collect(querier).stores().get(0);

            assertThat(store.lastError()).isEqualTo("rpc error: connection refused");
            assertThat(store.minTime()).isNull();
        }
    }

    @Test
    void everyCallAsksForACompleteAnswerWithoutDeduplication() throws IOException {
        try (ThanosStandIn querier = new ThanosStandIn(ThanosStandIn.replicaLabels("replica"), ThanosStandIn.Answer.ok(NO_STORES))) {
            collect(querier);

            assertThat(querier.requests()).containsExactly("/api/v1/status/flags?dedup=false&partial_response=false",
                    "/api/v1/stores?dedup=false&partial_response=false",
                    "/api/v1/label/region/values?match[]=%7Bregion%21%3D%22%22%7D&dedup=false&partial_response=false");
        }
    }

    @Test
    void theRegionsTheSeriesCarryAreKeptSortedAndDistinct() throws IOException {
        try (ThanosStandIn querier = new ThanosStandIn(ThanosStandIn.replicaLabels("region"), ThanosStandIn.Answer.ok(NO_STORES),
                ThanosStandIn.Answer.ok("[\"us-east-1\",\"ap-south-1\",\"eu-west-1\"]"))) {
            var topology = collect(querier).topology();

            assertThat(topology.seriesRegionsStatus()).isEqualTo("OK");
            assertThat(topology.seriesRegions()).containsExactly("ap-south-1", "eu-west-1", "us-east-1");
        }
    }

    @ParameterizedTest(name = "series regions answered {0} are unverified: {2}")
    @CsvSource(delimiter = '|', value = {
            "422 | {\"status\":\"error\"} | HTTP 422",
            "200 | {\"status\":\"success\",\"data\":[\"eu-west-1\"],\"warnings\":[\"store sg-us unavailable\"]} | warned",
            "200 | {\"status\":\"success\",\"data\":[\"eu-west-1\" | cut off"})
    void seriesRegionsThatAreNotACompleteAnswerAreUnverifiedAndKeepNoRegion(int status, String body, String reason) throws IOException {
        try (ThanosStandIn querier = new ThanosStandIn(ThanosStandIn.replicaLabels("replica"), ThanosStandIn.Answer.ok(NO_STORES),
                new ThanosStandIn.Answer(status, body))) {
            var topology = collect(querier).topology();

            assertThat(topology.seriesRegionsStatus()).isEqualTo("UNVERIFIED");
            assertThat(topology.seriesRegionsReason()).contains("/api/v1/label/region/values", reason);
            assertThat(topology.seriesRegions()).isEmpty();
        }
    }
}
