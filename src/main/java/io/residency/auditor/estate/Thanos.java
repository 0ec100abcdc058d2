package io.residency.auditor.estate;

import jakarta.validation.constraints.NotBlank;

/**
 * The central Thanos Querier and the external label that names a series' home region.
 *
 * @param tokenFile a file holding a bearer token for the querier, or
 * @param tokenEnv  an environment variable holding it
 */
public record Thanos(@NotBlank(message = "expected the querier's base URL") String url, String regionLabel,
                     String tokenFile, String tokenEnv) {

    public Thanos {
        regionLabel = regionLabel == null ? "region" : regionLabel;
    }
}
