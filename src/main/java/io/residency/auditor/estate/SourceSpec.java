package io.residency.auditor.estate;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;

/**
 * Where one configuration is read from: a file (relative to the estate file) or a live URL.
 *
 * @param kind      a registered source kind; {@link EstateLoader} checks it against the registry's
 *                  names, so this package need not know them
 * @param format    raw (default), configmap (a Kubernetes ConfigMap/Secret manifest) or helm-values
 * @param object    with configmap: the ConfigMap/Secret name, where the file holds several
 * @param key       with configmap: the data key that holds the config, where there are several
 * @param expandEnv expand ${VAR} and ${VAR:-default} as -config.expand-env does (default true)
 * @param tokenFile with url: a file holding the bearer token
 * @param tokenEnv  with url: an environment variable holding the bearer token
 */
public record SourceSpec(
        String id,
        String kind,
        String file,
        String url,
        @Pattern(regexp = "raw|configmap|helm-values", message = "expected raw, configmap or helm-values") String format,
        String object,
        String key,
        Boolean expandEnv,
        String tokenFile,
        String tokenEnv) {

    @AssertTrue(message = "expected exactly one of 'file' or 'url'")
    public boolean isFileOrUrl() {
        return (file == null) != (url == null);
    }

    public String formatOrDefault() {
        return format == null ? "raw" : format;
    }

    public boolean expandEnvOrDefault() {
        return expandEnv == null || expandEnv;
    }
}
