package io.residency.auditor.controls;

import static org.assertj.core.api.Assertions.assertThat;

import io.residency.auditor.CliRun;
import io.residency.auditor.EvidenceBundles;
import io.residency.auditor.collect.series.ThanosStandIn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * RES-THANOS-DEDUP and RES-THANOS-STORES through the real CLI, job and SQL against a stand-in
 * Thanos Querier, on every supported database (one subclass each). The querier is live, so the
 * compliant and violating estates are written here, pointed at the stand-in.
 */
abstract class ThanosControlsContract {

    @TempDir
    Path work;

    /** A fresh, empty database for each test. */
    abstract String jdbcUrl();

    private Path estate(String querierUrl, boolean withUsObjstore) throws IOException {
        Files.writeString(work.resolve("objstore-eu.yml"), """
                type: S3
                config:
                  bucket: thanos-blocks-eu
                  endpoint: s3.eu-west-1.amazonaws.com
                """);
        Files.writeString(work.resolve("objstore-us.yml"), """
                type: S3
                config:
                  bucket: thanos-blocks-us
                  endpoint: s3.us-east-1.amazonaws.com
                """);
        Path estate = work.resolve("estate.yaml");
        Files.writeString(estate, """
                regions:
                  - name: eu-west-1
                    sources: [{kind: thanos-objstore, file: objstore-eu.yml}]
                  - name: us-east-1
                    sources: [%s]
                central:
                  region: us-east-1
                  thanos: {url: "%s", regionLabel: region}
                """.formatted(withUsObjstore ? "{kind: thanos-objstore, file: objstore-us.yml}" : "", querierUrl));
        return estate;
    }

    private List<JsonNode> findings(ThanosStandIn querier, boolean withUsObjstore, String control) throws IOException {
        Path out = work.resolve("out");
        CliRun run = CliRun.of("audit", "--estate", estate(querier.url(), withUsObjstore).toString(), "--out", out.toString(), "--db", jdbcUrl());
        assertThat(run.exitCode()).as(run.output()).isZero();
        return EvidenceBundles.findings(out).stream().filter(f -> f.get("control").asString().equals(control)).toList();
    }

    private static String stores(String... entries) {
        return "{\"store\":[" + String.join(",", entries) + "],\"sidecar\":[]}";
    }

    @Test
    void aReplicaLabelEqualToTheRegionLabelFailsDedup() throws IOException {
        try (ThanosStandIn querier = new ThanosStandIn(ThanosStandIn.replicaLabels("replica,region"), ThanosStandIn.Answer.ok(stores()))) {
            List<JsonNode> findings = findings(querier, true, "RES-THANOS-DEDUP");

            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.get("status").asString()).isEqualTo("FAIL");
                assertThat(f.get("severity").asString()).isEqualToIgnoringCase("high");
                assertThat(f.get("message").asString()).contains("query.replica-label=replica,region", "include the region label region");
            });
        }
    }

    @Test
    void replicaLabelsWithoutTheRegionLabelPassDedup() throws IOException {
        try (ThanosStandIn querier = new ThanosStandIn(ThanosStandIn.replicaLabels("replica,region_name"), ThanosStandIn.Answer.ok(stores()))) {
            List<JsonNode> findings = findings(querier, true, "RES-THANOS-DEDUP");

            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.get("status").asString()).isEqualTo("PASS");
                assertThat(f.get("message").asString()).contains("deduplicates on replica,region_name, not on the region label region");
            });
        }
    }

    @Test
    void unreadableFlagsAreUnverifiedNotPass() throws IOException {
        try (ThanosStandIn querier = new ThanosStandIn(new ThanosStandIn.Answer(503, "unavailable"), ThanosStandIn.Answer.ok(stores()))) {
            List<JsonNode> findings = findings(querier, true, "RES-THANOS-DEDUP");

            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.get("status").asString()).isEqualTo("UNVERIFIED");
                assertThat(f.get("message").asString()).contains("flags could not be read", "HTTP 503");
            });
        }
    }

    @Test
    void storesOfTheEstatesRegionsPassAndNameTheBucketTheirRegionsStoreGatewaysRead() throws IOException {
        String stores = stores(ThanosStandIn.store("sg-eu:10901", "{\"region\":\"eu-west-1\"}"),
                ThanosStandIn.store("sg-us:10901", "{\"region\":\"us-east-1\"}"));
        try (ThanosStandIn querier = new ThanosStandIn(ThanosStandIn.replicaLabels("replica"), ThanosStandIn.Answer.ok(stores))) {
            List<JsonNode> findings = findings(querier, false, "RES-THANOS-STORES");

            assertThat(findings).hasSize(2);
            assertThat(findings).allSatisfy(f -> assertThat(f.get("status").asString()).as(f.toString()).isEqualTo("PASS"));
            JsonNode eu = findings.stream().filter(f -> f.get("resource").asString().equals("store sg-eu:10901")).findFirst().orElseThrow();
            assertThat(eu.get("message").asString()).contains("serves eu-west-1", "read s3://thanos-blocks-eu (source eu-west-1/thanos-objstore)");
            assertThat(eu.get("jurisdiction").asString()).isEqualTo("EU");
            assertThat(eu.at("/evidence/label_sets").asString()).isEqualTo("[{\"region\":\"eu-west-1\"}]");
            JsonNode us = findings.stream().filter(f -> f.get("resource").asString().equals("store sg-us:10901")).findFirst().orElseThrow();
            assertThat(us.get("message").asString()).contains("no thanos-objstore source in us-east-1");
        }
    }

    @Test
    void storesInNoRegionInSeveralOrOutsideTheEstateAreUnverifiedAndARegionWithSeriesButNoStoreIsNamed() throws IOException {
        String stores = stores(ThanosStandIn.store("sg-eu:10901", "{\"region\":\"eu-west-1\"}"),
                ThanosStandIn.store("sg-ap:10901", "{\"region\":\"ap-south-1\"}"),
                ThanosStandIn.store("sg-none:10901", "{\"cluster\":\"ops\"}"),
                ThanosStandIn.store("sg-both:10901", "{\"region\":\"eu-west-1\"}", "{\"region\":\"us-east-1\"}"));
        try (ThanosStandIn querier = new ThanosStandIn(ThanosStandIn.replicaLabels("replica"), ThanosStandIn.Answer.ok(stores))) {
            List<JsonNode> findings = findings(querier, true, "RES-THANOS-STORES");

            assertThat(findings).extracting(f -> f.get("status").asString() + " " + f.get("message").asString()).containsExactlyInAnyOrder(
                    "PASS Store sg-eu:10901 (store) serves eu-west-1; its region's store gateways read s3://thanos-blocks-eu (source eu-west-1/thanos-objstore)",
                    "UNVERIFIED Store sg-ap:10901 (store) serves region ap-south-1, which is not in the estate",
                    "UNVERIFIED Store sg-none:10901 (store) announces no region label: it is attributable to no region of the estate",
                    "UNVERIFIED Store sg-both:10901 (store) names several regions (eu-west-1,us-east-1): what it serves is attributable to no single region",
                    "UNVERIFIED Region us-east-1 has series at the querier but no store announces region=us-east-1",
                    "UNVERIFIED Store sg-ap:10901 announces region=ap-south-1 but no series at the querier carries it (asked with dedup=false)");
        }
    }

    @Test
    void aRegionInTheSeriesThatNoStoreClaimsAndAStoreRegionNoSeriesShowAreUnverified() throws IOException {
        String stores = stores(ThanosStandIn.store("sg-eu:10901", "{\"region\":\"eu-west-1\"}"),
                ThanosStandIn.store("sidecar-us:10901", "{\"region\":\"us-east-1\"}"),
                ThanosStandIn.store("sg-us:10901", "{\"region\":\"us-east-1\"}"));
        ThanosStandIn.Answer seriesRegions = ThanosStandIn.Answer.ok("[\"eu-west-1\",\"ap-south-1\"]");
        try (ThanosStandIn querier = new ThanosStandIn(ThanosStandIn.replicaLabels("region"), ThanosStandIn.Answer.ok(stores), seriesRegions)) {
            List<JsonNode> findings = findings(querier, true, "RES-THANOS-STORES");

            assertThat(findings).filteredOn(f -> !f.get("resource").asString().startsWith("store "))
                    .extracting(f -> f.get("status").asString() + " " + f.get("resource").asString() + " " + f.get("message").asString())
                    .containsExactlyInAnyOrder(
                            "UNVERIFIED stores of ap-south-1 Region ap-south-1 (not in the estate) has series at the querier but no store"
                                    + " announces region=ap-south-1",
                            "UNVERIFIED series of us-east-1 Stores sg-us:10901 and 1 more announce region=us-east-1 but no series at the"
                                    + " querier carries it (asked with dedup=false)");
            assertThat(findings).filteredOn(f -> f.get("resource").asString().startsWith("store "))
                    .allSatisfy(f -> assertThat(f.get("status").asString()).isEqualTo("PASS"));
        }
    }

    @Test
    void storesWhoseRegionsMatchTheSeriesRegionsRaiseNoComparisonFinding() throws IOException {
        String stores = stores(ThanosStandIn.store("sg-eu:10901", "{\"region\":\"eu-west-1\"}"),
                ThanosStandIn.store("sg-us:10901", "{\"region\":\"us-east-1\"}"));
        try (ThanosStandIn querier = new ThanosStandIn(ThanosStandIn.replicaLabels("replica"), ThanosStandIn.Answer.ok(stores))) {
            List<JsonNode> findings = findings(querier, true, "RES-THANOS-STORES");

            assertThat(findings).extracting(f -> f.get("resource").asString())
                    .containsExactlyInAnyOrder("store sg-eu:10901", "store sg-us:10901");
        }
    }

    @Test
    void seriesRegionsThatCannotBeReadAreOneUnverifiedFindingNamingTheCall() throws IOException {
        String stores = stores(ThanosStandIn.store("sg-eu:10901", "{\"region\":\"eu-west-1\"}"));
        ThanosStandIn.Answer partial = new ThanosStandIn.Answer(200,
                "{\"status\":\"success\",\"data\":[\"eu-west-1\"],\"warnings\":[\"store sg-us:10901 unavailable\"]}");
        try (ThanosStandIn querier = new ThanosStandIn(ThanosStandIn.replicaLabels("replica"), ThanosStandIn.Answer.ok(stores), partial)) {
            List<JsonNode> findings = findings(querier, true, "RES-THANOS-STORES");

            assertThat(findings).filteredOn(f -> f.get("resource").asString().equals("regions of the querier's series")).singleElement()
                    .satisfies(f -> {
                        assertThat(f.get("status").asString()).isEqualTo("UNVERIFIED");
                        assertThat(f.get("message").asString()).contains("/api/v1/label/region/values", "warned the answer is partial");
                    });
        }
    }

    @Test
    void unreadableStoresAreOneUnverifiedFinding() throws IOException {
        try (ThanosStandIn querier = new ThanosStandIn(ThanosStandIn.replicaLabels("replica"), new ThanosStandIn.Answer(404, "404 page not found"))) {
            List<JsonNode> findings = findings(querier, true, "RES-THANOS-STORES");

            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.get("status").asString()).isEqualTo("UNVERIFIED");
                assertThat(f.get("message").asString()).contains("stores could not be read", "HTTP 404");
            });
        }
    }

    @Test
    void offlineOrWithoutAQuerierBothControlsAreNotTested() throws IOException {
        Path offlineOut = work.resolve("offline");
        CliRun offline = CliRun.of("gate", "--offline", "--estate", estate("http://127.0.0.1:9", true).toString(),
                "--out", offlineOut.toString(), "--db", jdbcUrl(), "--format", "json");
        Files.writeString(work.resolve("no-querier.yaml"), """
                regions:
                  - name: eu-west-1
                    sources: [{kind: thanos-objstore, file: objstore-eu.yml}]
                """);
        Path noQuerierOut = work.resolve("no-querier");
        CliRun noQuerier = CliRun.of("audit", "--estate", work.resolve("no-querier.yaml").toString(), "--out", noQuerierOut.toString(),
                "--db", jdbcUrl(), "--format", "json");

        assertThat(notTested(offlineOut)).as(offline.output())
                .contains("RES-THANOS-DEDUP - offline: the querier's replica labels were not read",
                        "RES-THANOS-STORES - offline: the querier's store APIs were not read");
        assertThat(notTested(noQuerierOut)).as(noQuerier.output())
                .contains("RES-THANOS-DEDUP - the estate names no Thanos Querier: the querier's replica labels were not read",
                        "RES-THANOS-STORES - the estate names no Thanos Querier: the querier's store APIs were not read");
        assertThat(EvidenceBundles.findings(noQuerierOut)).noneSatisfy(f -> assertThat(f.get("control").asString()).startsWith("RES-THANOS"));
    }

    private static List<String> notTested(Path out) throws IOException {
        JsonNode document = JsonMapper.builder().build().readTree(EvidenceBundles.only(out).resolve("findings.json").toFile());
        return document.at("/scope/notTested").valueStream()
                .map(n -> n.get("control").asString() + " " + n.get("region").asString() + " " + n.get("reason").asString()).toList();
    }
}
