package io.residency.auditor.collect.config;

import io.residency.auditor.estate.LoadedEstate;
import io.residency.auditor.estate.SourceSpec;
import io.residency.auditor.facts.SourceFact;
import io.residency.auditor.facts.SourceStatus;
import io.residency.auditor.input.InputFiles;
import io.residency.auditor.input.Sha256;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.List;

/**
 * The config files a run read, read again for its evidence bundle: only a file source that was
 * read, and only when its bytes still hash to what the run recorded ({@code content_sha256}), so
 * the bundle holds exactly what was judged. Live endpoints are not called again; a cluster's
 * object is read again like a file (one {@code get}) and kept under the same hash check.
 */
public final class SourceCopies {

    private SourceCopies() {
    }

    /** @return source id to the bytes as the run read them, for each file source that could be copied */
    public static Map<String, byte[]> of(LoadedEstate estate, List<SourceFact> sources) {
        return of(estate, sources, ClusterSources.NONE);
    }

    /** @return source id to the bytes as the run read them, for each file or cluster source that could be copied */
    public static Map<String, byte[]> of(LoadedEstate estate, List<SourceFact> sources, ClusterSources clusters) {
        Map<String, byte[]> copies = new TreeMap<>();
        Map<String, byte[]> clusterDocuments = clusterDocuments(estate, sources, clusters);
        for (SourceFact source : sources) {
            Optional<byte[]> copy = source.location().startsWith(CLUSTER_SCHEME)
                    ? Optional.ofNullable(clusterDocuments.get(source.location())).filter(bytes -> Sha256.hex(bytes).equals(source.contentSha256()))
                    : copy(estate, source);
            copy.ifPresent(bytes -> copies.put(source.sourceId(), bytes));
        }
        return copies;
    }

    private static final String CLUSTER_SCHEME = "k8s://";

    /** Each cluster object a read source came from, fetched once more, by location. */
    private static Map<String, byte[]> clusterDocuments(LoadedEstate estate, List<SourceFact> sources, ClusterSources clusters) {
        List<String> read = sources.stream().filter(s -> s.status() == SourceStatus.OK && s.location().startsWith(CLUSTER_SCHEME))
                .map(SourceFact::location).toList();
        Map<String, byte[]> documents = new TreeMap<>();
        if (read.isEmpty()) {
            return documents;
        }
        List<SourceSpec> specs = new ArrayList<>();
        estate.estate().regions().forEach(region -> specs.addAll(region.sources()));
        if (estate.estate().central() != null) {
            specs.addAll(estate.estate().central().sources());
        }
        SourceKinds kinds = SourceKinds.registered();
        for (SourceSpec spec : specs) {
            if (spec.k8s() == null || read.stream().noneMatch(location -> location.equals(clusters.location(spec.k8s()))
                    || location.startsWith(clusters.location(spec.k8s()) + "#"))) {
                continue;
            }
            try {
                ClusterDocument document = clusters.fetch(spec.k8s(), ConfigMapExtractor.usualKeys(kinds.get(spec.kind())));
                documents.put(document.location(), document.content());
            } catch (SourceReadException e) {
                // Gone or refused since the run read it: no copy, as for a file that changed.
            }
        }
        return documents;
    }

    private static Optional<byte[]> copy(LoadedEstate estate, SourceFact source) {
        if (source.status() != SourceStatus.OK || source.contentSha256() == null || source.location().contains("://")) {
            return Optional.empty();
        }
        try {
            byte[] bytes = InputFiles.readRegular(estate.confined(source.location()), SourceFetcher.MAX_BYTES);
            return Sha256.hex(bytes).equals(source.contentSha256()) ? Optional.of(bytes) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
