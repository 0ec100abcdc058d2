package io.residency.auditor.estate;

import jakarta.validation.constraints.NotBlank;

/** The central Thanos Querier and the external label that names a series' home region. */
public record Thanos(@NotBlank(message = "expected the querier's base URL") String url, String regionLabel) {

    public Thanos {
        regionLabel = regionLabel == null ? "region" : regionLabel;
    }
}
