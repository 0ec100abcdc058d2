package io.residency.auditor.estate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import io.residency.auditor.policy.Policy;
import java.util.List;
import java.util.Map;

/**
 * What to audit and where it is: the regional stacks, the central query layer, AWS and tenants.
 *
 * @param allowFilesOutside let sources name config files outside the estate file's folder (default false)
 */
public record Estate(
        String name,
        @NotEmpty(message = "expected at least one region with its sources") List<@Valid RegionStack> regions,
        @Valid Central central,
        @Valid AwsSettings aws,
        List<@Valid Tenant> tenants,
        Map<@Pattern(regexp = Policy.CLOUD_REGION, message = "expected a cloud region such as eu-west-1") String,
                List<String>> endpoints,
        String pushgateway,
        Boolean allowFilesOutside) {

    public Estate {
        tenants = tenants == null ? List.of() : List.copyOf(tenants);
        endpoints = endpoints == null ? Map.of() : Map.copyOf(endpoints);
    }

    /** Config files may be named outside the estate file's folder (default: no, they are confined to it). */
    public boolean allowFilesOutsideOrDefault() {
        return Boolean.TRUE.equals(allowFilesOutside);
    }

    /**
     * The external label that names a series' home region: {@code central.thanos.regionLabel}, else
     * {@code region}, the default the Thanos section has too (Prometheus sends its external labels with
     * remote_write and federation as well, so the label is judged with or without a querier).
     */
    public String regionLabel() {
        return central != null && central.thanos() != null ? central.thanos().regionLabel() : Thanos.DEFAULT_REGION_LABEL;
    }

    /** The same estate with config files allowed outside its folder ({@code --allow-files-outside-estate}). */
    public Estate withFilesOutsideAllowed() {
        return new Estate(name, regions, central, aws, tenants, endpoints, pushgateway, true);
    }
}
