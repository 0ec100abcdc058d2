package io.residency.auditor.estate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import io.residency.auditor.policy.Policy;

/** A tenant of the log stacks; SOX tenants' logs must stay on their home region's dedicated stack. */
public record Tenant(
        @NotBlank(message = "expected the tenant id") String id,
        boolean sox,
        @Pattern(regexp = Policy.CLOUD_REGION, message = "expected a cloud region such as us-east-1") String home) {
}
