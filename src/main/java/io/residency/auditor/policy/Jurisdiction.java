package io.residency.auditor.policy;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/** A legal area: the exact cloud regions inside it and the frameworks that apply there. */
public record Jurisdiction(
        @NotEmpty(message = "expected the frameworks that apply, e.g. [GDPR]") List<String> frameworks,
        @NotEmpty(message = "expected the explicit list of cloud regions in this jurisdiction")
        List<@Pattern(regexp = Policy.CLOUD_REGION, message = "expected a cloud region such as eu-west-1") String> regions) {
}
