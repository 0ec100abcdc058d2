package io.residency.auditor.estate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import io.residency.auditor.policy.Policy;
import java.util.List;

/** The central query layer: the region it runs in, its Thanos Querier and its own configs. */
public record Central(
        @Pattern(regexp = Policy.CLOUD_REGION, message = "expected a cloud region such as us-east-1") String region,
        @Valid Thanos thanos,
        List<@Valid SourceSpec> sources) {

    public Central {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    @jakarta.validation.constraints.AssertTrue(message = "expected the central region, since central sources are listed")
    public boolean isRegionSetForSources() {
        return sources.isEmpty() || region != null;
    }
}
