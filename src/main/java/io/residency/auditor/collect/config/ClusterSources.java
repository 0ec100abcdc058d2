package io.residency.auditor.collect.config;

import io.residency.auditor.estate.K8sSource;
import java.util.List;

/**
 * Reads configs kept in Kubernetes clusters (the estate's {@code k8s:} sources). The text it hands
 * back goes through the kind's parser exactly as a file's bytes do. Implemented in
 * {@code collect.k8s}; one instance serves one step and closes its cluster connections.
 */
public interface ClusterSources extends AutoCloseable {

    /** Refuses every cluster source: for callers that read files and URLs only. */
    ClusterSources NONE = new ClusterSources() {
        @Override
        public ClusterDocument fetch(K8sSource source, List<String> usualKeys) throws SourceReadException {
            throw new SourceReadException("Kubernetes sources are not read here; expected a run with cluster access");
        }

        @Override
        public String location(K8sSource source) {
            return source.location(source.key());
        }

        @Override
        public void close() {
        }
    };

    /**
     * @param usualKeys the data keys to try, in order, when the source names no key and its object
     *                  holds several
     */
    ClusterDocument fetch(K8sSource source, List<String> usualKeys) throws SourceReadException;

    /** Where the source is, as facts and findings name it ({@code k8s://eu-prod/logging/configmap/loki#config.yaml}), before it is read. */
    String location(K8sSource source);

    @Override
    void close();
}
