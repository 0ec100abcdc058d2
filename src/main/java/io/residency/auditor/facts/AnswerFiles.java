package io.residency.auditor.facts;

/**
 * Where a bundle keeps what a run read, under {@code inputs/}, and how a finding names it: the one
 * place both the collectors (which record the answers) and the evidence (which cites them) take
 * the paths from.
 */
public final class AnswerFiles {

    public static final String INPUTS = "inputs/";
    public static final String SOURCES = INPUTS + "sources/";
    public static final String API = INPUTS + "api/";
    public static final String QUERIER = INPUTS + "querier/";

    /** The central querier's answers, as received; a call that received nothing is a note saying why. */
    public static final String QUERIER_FLAGS = QUERIER + "flags.json";
    public static final String QUERIER_STORES = QUERIER + "stores.json";
    public static final String QUERIER_SERIES_REGIONS = QUERIER + "series-regions.json";
    /** What the PII scan of the federated series found, in the form findings hold: never a raw label value. */
    public static final String QUERIER_SERIES_SCAN = QUERIER + "series-scan.json";

    private AnswerFiles() {
    }

    /** A config source's copy, from its id alone, so a finding can name it: file, url: and k8s: sources alike. */
    public static String sourceCopy(String sourceId) {
        return SOURCES + safePath(sourceId) + ".yaml";
    }

    /**
     * One answer of a component's own API ({@code api:} source), named by its endpoint without the API's
     * prefix: {@code /api/v1/status/config} of source {@code central/prometheus} is
     * {@code inputs/api/central/prometheus/status-config.json}.
     */
    public static String api(String sourceId, String endpointPath) {
        String name = endpointPath.replaceFirst("^/api/(v[0-9]+/)?", "").replace('/', '-');
        return API + safePath(sourceId) + "/" + safePath(name) + ".json";
    }

    /** How a finding names an API call and the file that keeps its answer: {@code GET /api/v1/stores -> inputs/querier/stores.json}. */
    public static String call(String endpointPath, String answerFile) {
        return "GET " + endpointPath + " -> " + answerFile;
    }

    /** Each '/'-separated segment kept to letters, digits, '-', '_' and '.', the rest escaped, so no id leaves its folder. */
    private static String safePath(String id) {
        StringBuilder name = new StringBuilder();
        for (String segment : id.split("/", -1)) {
            StringBuilder safe = new StringBuilder();
            for (char c : segment.toCharArray()) {
                safe.append(Character.isLetterOrDigit(c) && c < 0x80 || c == '-' || c == '_' || c == '.' ? String.valueOf(c)
                        : String.format("~%02X", (int) c & 0xff));
            }
            String part = safe.toString().replace("..", "~2E~2E");
            name.append(part.isEmpty() ? "~" : part).append('/');
        }
        return name.substring(0, name.length() - 1);
    }
}
