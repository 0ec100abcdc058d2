package io.residency.auditor.estate;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where one configuration is read from: a file (relative to the estate file), a live URL or a
 * Kubernetes cluster.
 *
 * @param kind      a registered source kind; {@link EstateLoader} checks it against the registry's
 *                  names, so this package need not know them
 * @param format    raw (default), configmap (a Kubernetes ConfigMap/Secret manifest), helm-values or otel-operator
 *                  (an OpenTelemetry Operator OpenTelemetryCollector resource, for kind otel-collector)
 * @param object    with configmap: the ConfigMap/Secret name, where the file holds several
 * @param key       with configmap: the data key that holds the config, where there are several
 * @param expandEnv expand ${VAR} and ${VAR:-default} as -config.expand-env does (default true)
 * @param tokenFile with url: a file holding the bearer token
 * @param tokenEnv  with url: an environment variable holding the bearer token
 * @param files     otel-collector only: several files merged in order, as the collector merges repeated
 *                  {@code --config} flags (maps merge deeply, a later file wins, lists are replaced)
 * @param api       the component's own HTTP API base URL (prometheus: /api/v1/status/config and flags;
 *                  grafana-datasources: /api/datasources), as opposed to {@code url}, which serves the config file
 * @param k8s       a ConfigMap or Secret key, or a custom resource, read from a cluster
 * @param chart     with helm-values: the chart the values are for, e.g. {@code grafana/loki} or
 *                  {@code grafana/loki@>=6 <7} ({@link ChartReference}); without it, the kind's default chart
 */
public record SourceSpec(
        String id,
        String kind,
        String file,
        String url,
        @Pattern(regexp = "raw|configmap|helm-values|otel-operator", message = "expected raw, configmap, helm-values or otel-operator") String format,
        String object,
        String key,
        Boolean expandEnv,
        String tokenFile,
        String tokenEnv,
        List<String> files,
        String api,
        K8sSource k8s,
        String chart) {

    /** The kind that reads {@link #files}: only the OpenTelemetry Collector merges several configs. */
    public static final String MERGING_KIND = "otel-collector";
    /** The kinds whose component serves its config over an API the auditor reads ({@link #api}). */
    public static final List<String> API_KINDS = List.of("prometheus", "grafana-datasources");

    public SourceSpec {
        // Not List.copyOf: a blank entry (files: [a.yaml, ~]) must reach the validator's message, not a NullPointerException.
        files = files == null ? null : Collections.unmodifiableList(new ArrayList<>(files));
    }

    /** A source of one file or URL. */
    public SourceSpec(String id, String kind, String file, String url, String format, String object, String key, Boolean expandEnv,
                      String tokenFile, String tokenEnv) {
        this(id, kind, file, url, format, object, key, expandEnv, tokenFile, tokenEnv, null, null, null, null);
    }

    /** A source of one file or URL, or of several files merged. */
    public SourceSpec(String id, String kind, String file, String url, String format, String object, String key, Boolean expandEnv,
                      String tokenFile, String tokenEnv, List<String> files) {
        this(id, kind, file, url, format, object, key, expandEnv, tokenFile, tokenEnv, files, null, null, null);
    }

    @AssertTrue(message = "expected exactly one of 'file', 'files', 'url', 'api' or 'k8s'")
    public boolean isFileOrUrl() {
        return (file != null ? 1 : 0) + (url != null ? 1 : 0) + (files != null ? 1 : 0) + (api != null ? 1 : 0) + (k8s != null ? 1 : 0) == 1;
    }

    @AssertTrue(message = "'api' is read only for kinds prometheus and grafana-datasources, whose answer is the config itself;"
            + " expected 'url' (a URL serving the config file) or 'file' for other kinds, and no 'format' with 'api'")
    public boolean isApiUsable() {
        return api == null || (API_KINDS.contains(kind) && format == null);
    }

    @AssertTrue(message = "'files' is read only for kind otel-collector (the collector merges repeated --config flags)"
            + " and needs at least one file name; expected 'file' for other kinds")
    public boolean isFilesUsable() {
        return files == null || (MERGING_KIND.equals(kind) && !files.isEmpty() && files.stream().allMatch(f -> f != null && !f.isBlank()));
    }

    public String formatOrDefault() {
        return format == null ? "raw" : format;
    }

    public boolean expandEnvOrDefault() {
        return expandEnv == null || expandEnv;
    }
}
