package io.residency.auditor.estate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import io.residency.auditor.policy.Policy;
import java.util.List;

/** One region's observability stack and the sources that describe it. */
public record RegionStack(
        @NotNull(message = "expected a cloud region such as eu-west-1")
        @Pattern(regexp = Policy.CLOUD_REGION, message = "expected a cloud region such as eu-west-1") String name,
        List<@NotNull @Valid SourceSpec> sources) {

    public RegionStack {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
