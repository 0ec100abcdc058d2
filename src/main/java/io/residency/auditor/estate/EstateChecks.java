package io.residency.auditor.estate;

import io.residency.auditor.input.InvalidInputException;
import io.residency.auditor.input.YamlErrors;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The estate's rules that annotations cannot express: each region once, known source kinds, unique
 * source ids, URLs that are URLs, endpoint patterns that say something. Reported with file, line
 * and path; a URL is never quoted, since it may carry a token.
 */
public final class EstateChecks {

    /** A DNS name is at most 253 characters; a pattern is a name with {@code *} in it. */
    static final int MAX_PATTERN_LENGTH = 253;

    private final String name;
    private final byte[] content;
    private final List<String> knownKinds;

    /** @param knownKinds the registered source kinds, sorted, as an error lists them */
    public EstateChecks(String name, byte[] content, List<String> knownKinds) {
        this.name = name;
        this.content = content;
        this.knownKinds = knownKinds;
    }

    public void check(Estate estate) {
        Set<String> regions = new HashSet<>();
        for (int r = 0; r < estate.regions().size(); r++) {
            String region = estate.regions().get(r).name();
            if (!regions.add(region)) {
                throw problem(List.of("regions", r, "name"), "region " + region + " is listed twice; expected each region once, with all its sources");
            }
        }
        Map<String, List<Object>> sourceIds = new HashMap<>();
        for (int r = 0; r < estate.regions().size(); r++) {
            List<SourceSpec> sources = estate.regions().get(r).sources();
            for (int s = 0; s < sources.size(); s++) {
                checkSource(sources.get(s), List.of("regions", r, "sources", s), sourceIds);
            }
        }
        if (estate.central() != null) {
            for (int s = 0; s < estate.central().sources().size(); s++) {
                checkSource(estate.central().sources().get(s), List.of("central", "sources", s), sourceIds);
            }
            if (estate.central().thanos() != null) {
                checkUrl(estate.central().thanos().url(), List.of("central", "thanos", "url"));
            }
        }
        if (estate.aws() != null && estate.aws().endpoint() != null) {
            checkUrl(estate.aws().endpoint(), List.of("aws", "endpoint"));
        }
        if (estate.pushgateway() != null) {
            checkUrl(estate.pushgateway(), List.of("pushgateway"));
        }
        Map<String, Integer> tenants = new HashMap<>();
        for (int t = 0; t < estate.tenants().size(); t++) {
            Integer first = tenants.putIfAbsent(estate.tenants().get(t).id(), t);
            if (first != null) {
                throw problem(List.of("tenants", t, "id"), "tenant id already used by tenants[" + first + "]; expected each tenant once");
            }
        }
        // Sorted, so that of two bad entries the same one is reported on every run.
        new TreeMap<>(estate.endpoints()).forEach((region, patterns) -> {
            if (patterns == null || patterns.isEmpty()) {
                throw problem(List.of("endpoints", region), "no host patterns; expected a list of host names or globs such as *.eu.example.com");
            }
            for (int p = 0; p < patterns.size(); p++) {
                String pattern = patterns.get(p);
                if (pattern == null || pattern.isBlank()) {
                    throw problem(List.of("endpoints", region, p), "empty pattern; expected a host name or a glob such as *.eu.example.com");
                }
                if (pattern.length() > MAX_PATTERN_LENGTH || !pattern.matches("[A-Za-z0-9*._:\\[\\]-]+")) {
                    throw problem(List.of("endpoints", region, p), "not a host pattern; expected letters, digits, '.', '-', '*' and at most "
                            + MAX_PATTERN_LENGTH + " characters");
                }
            }
        });
    }

    private void checkSource(SourceSpec source, List<Object> path, Map<String, List<Object>> seen) {
        if (source == null) {
            return;
        }
        if (source.kind() == null || source.kind().isBlank()) {
            throw problem(path, "no source kind; expected one of " + knownKinds);
        }
        if (!knownKinds.contains(source.kind())) {
            throw problem(with(path, "kind"), "unknown source kind '" + source.kind() + "'; expected one of " + knownKinds);
        }
        if (source.id() != null) {
            List<Object> idPath = with(path, "id");
            List<Object> first = seen.putIfAbsent(source.id(), idPath);
            if (first != null) {
                throw problem(idPath, "source id already used at " + YamlErrors.readable(first) + "; expected each source id once");
            }
        }
        if (source.url() != null) {
            checkUrl(source.url(), with(path, "url"));
        }
        if (source.chart() != null) {
            checkChart(source, with(path, "chart"));
        }
        if (source.file() != null && (source.file().isBlank() || source.file().indexOf('\0') >= 0)) {
            throw problem(with(path, "file"), "not a file path; expected a path relative to the estate file's folder");
        }
    }

    /**
     * The chart's spelling and version range; whether the auditor models that chart is the collector's
     * question (an unmodelled chart is an UNVERIFIED source, not a bad estate).
     */
    private void checkChart(SourceSpec source, List<Object> path) {
        if (!"helm-values".equals(source.format())) {
            throw problem(path, "'chart' names the chart of Helm values; expected format: helm-values with it, or no chart");
        }
        try {
            ChartReference.parse(source.chart());
        } catch (IllegalArgumentException e) {
            throw problem(path, e.getMessage());
        }
    }

    private void checkUrl(String url, List<Object> path) {
        String why = null;
        try {
            URI uri = new URI(url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                why = "not an http or https URL";
            } else if (uri.getHost() == null || uri.getHost().isEmpty()) {
                why = "a URL without a host";
            }
        } catch (URISyntaxException e) {
            why = "not a valid URL (" + e.getReason() + ")";
        }
        if (why != null) {
            throw problem(path, why + "; expected http(s)://host[:port][/path]");
        }
    }

    private static List<Object> with(List<Object> path, Object last) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(last);
        return longer;
    }

    private InvalidInputException problem(List<Object> path, String message) {
        return new InvalidInputException(name, YamlErrors.place(content, path), message);
    }
}
