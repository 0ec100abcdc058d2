package io.residency.auditor.collect.series;

import io.residency.auditor.collect.BearerToken;
import io.residency.auditor.estate.Thanos;
import io.residency.auditor.facts.AnswerFiles;
import io.residency.auditor.facts.InputAnswer;
import io.residency.auditor.facts.QuerierStoreFact;
import io.residency.auditor.facts.QuerierTopologyFact;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads how the central Thanos Querier is set up: its replica labels ({@code /api/v1/status/flags}),
 * the store APIs it fans out to ({@code /api/v1/stores}), each attributed to a region through its
 * external labels, and the regions its series actually carry (the region label's values, asked with
 * {@code dedup=false}), so the two can be compared. Any answer that is not complete is recorded as
 * UNVERIFIED, never as clean.
 */
public final class QuerierTopologyCollection {

    /** The Thanos flag that names the labels deduplication strips; repeated flags come comma-joined. */
    static final String REPLICA_LABEL_FLAG = "query.replica-label";
    /** Distinct regions in the series: an estate has tens; more is a label that does not name regions. */
    static final int MAX_SERIES_REGIONS = 1_000;

    static final String FLAGS = "/api/v1/status/flags";
    static final String STORES = "/api/v1/stores";

    /**
     * The querier's setting and its stores, sorted by type and name, and its answers for the bundle
     * ({@code inputs/querier/flags.json}, {@code stores.json}, {@code series-regions.json}).
     */
    public record Result(QuerierTopologyFact topology, List<QuerierStoreFact> stores, List<InputAnswer> answers) {
        public Result {
            stores = List.copyOf(stores);
            answers = List.copyOf(answers);
        }
    }

    private final Duration callTimeout;
    private final UnaryOperator<String> environment;
    private final JsonMapper json = JsonMapper.builder().build();

    public QuerierTopologyCollection(Duration callTimeout, UnaryOperator<String> environment) {
        this.callTimeout = callTimeout;
        this.environment = environment;
    }

    public Result collect(Thanos thanos) {
        QuerierClient querier;
        try {
            String token = BearerToken.read(thanos.tokenFile(), thanos.tokenEnv(), environment::apply);
            querier = new QuerierClient(thanos.url(), Duration.ofSeconds(5), callTimeout, token);
        } catch (BearerToken.UnavailableException e) {
            String why = "querier " + e.getMessage();
            return new Result(new QuerierTopologyFact("UNVERIFIED", why, "", thanos.regionLabel(), false, "UNVERIFIED", why,
                    "UNVERIFIED", why, List.of()), List.of(), List.of(
                    QuerierAnswers.of(AnswerFiles.QUERIER_FLAGS, "GET " + FLAGS, null, why),
                    QuerierAnswers.of(AnswerFiles.QUERIER_STORES, "GET " + STORES, null, why),
                    QuerierAnswers.of(AnswerFiles.QUERIER_SERIES_REGIONS, "GET " + regionValues(thanos.regionLabel()), null, why)));
        }
        byte[][] received = new byte[3][];
        String flagsStatus = "OK";
        String flagsReason = null;
        Set<String> replicaLabels = new LinkedHashSet<>(); // the querier's order, each once
        try {
            String value = querier.flags(bytes -> received[0] = bytes).get(REPLICA_LABEL_FLAG);
            if (value != null) {
                // Exact elements: "replica,region_name" does not name "region".
                Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(replicaLabels::add);
            }
        } catch (IOException | PartialResponseException e) {
            flagsStatus = "UNVERIFIED";
            flagsReason = e.getMessage();
            replicaLabels.clear();
        }
        String storesStatus = "OK";
        String storesReason = null;
        List<QuerierStoreFact> stores = new ArrayList<>();
        try {
            for (StoreStatus store : querier.stores(bytes -> received[1] = bytes)) {
                stores.add(fact(store, thanos.regionLabel()));
            }
        } catch (IOException | PartialResponseException e) {
            storesStatus = "UNVERIFIED";
            storesReason = e.getMessage();
            stores.clear();
        }
        stores.sort(Comparator.comparing(QuerierStoreFact::type).thenComparing(QuerierStoreFact::name));
        String regionsStatus = "OK";
        String regionsReason = null;
        Set<String> seriesRegions = new TreeSet<>();
        try {
            seriesRegions.addAll(seriesRegions(querier, thanos.regionLabel(), bytes -> received[2] = bytes));
        } catch (IOException | PartialResponseException e) {
            regionsStatus = "UNVERIFIED";
            regionsReason = e.getMessage();
        }
        return new Result(new QuerierTopologyFact(flagsStatus, flagsReason, String.join(",", replicaLabels), thanos.regionLabel(),
                replicaLabels.contains(thanos.regionLabel()), storesStatus, storesReason, regionsStatus, regionsReason,
                List.copyOf(seriesRegions)), stores, List.of(
                QuerierAnswers.of(AnswerFiles.QUERIER_FLAGS, "GET " + FLAGS, received[0], flagsReason),
                QuerierAnswers.of(AnswerFiles.QUERIER_STORES, "GET " + STORES, received[1], storesReason),
                QuerierAnswers.of(AnswerFiles.QUERIER_SERIES_REGIONS, "GET " + regionValues(thanos.regionLabel()), received[2], regionsReason)));
    }

    private static String regionValues(String regionLabel) {
        return "/api/v1/label/" + regionLabel + "/values";
    }

    /**
     * The region label's values across the querier's series ({@code /api/v1/label/<region label>/values}
     * with {@code match[]={<region label>!=""}}): label-first, so one small answer however many series
     * there are. Asked with {@code dedup=false}, so a querier that deduplicates on the region label
     * still shows the regions its stores really serve.
     */
    private static Set<String> seriesRegions(QuerierClient querier, String regionLabel, java.util.function.Consumer<byte[]> received)
            throws IOException, PartialResponseException {
        Set<String> regions = new TreeSet<>();
        boolean[] tooMany = {false};
        querier.labelValues(regionLabel, "{" + regionLabel + "!=\"\"}", value -> {
            if (regions.size() < MAX_SERIES_REGIONS) {
                regions.add(value);
            } else {
                tooMany[0] = true;
            }
        }, received);
        if (tooMany[0]) {
            throw new PartialResponseException("/api/v1/label/" + regionLabel + "/values: more than " + MAX_SERIES_REGIONS
                    + " distinct values; expected the estate's regions (check regionLabel)");
        }
        return regions;
    }

    private QuerierStoreFact fact(StoreStatus store, String regionLabel) {
        Set<String> regions = new TreeSet<>();
        List<Map<String, String>> sorted = new ArrayList<>();
        for (Map<String, String> labels : store.labelSets()) {
            if (labels.containsKey(regionLabel)) {
                regions.add(labels.get(regionLabel));
            }
            sorted.add(new TreeMap<>(labels));
        }
        String region = regions.size() == 1 ? regions.iterator().next() : null;
        return new QuerierStoreFact(store.type(), store.name(), json.writeValueAsString(sorted), String.join(",", regions), region,
                store.minTime(), store.maxTime(), store.lastError());
    }
}
