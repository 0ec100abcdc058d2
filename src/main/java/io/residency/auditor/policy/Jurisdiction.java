package io.residency.auditor.policy;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/**
 * A legal area: the exact cloud regions inside it and the frameworks that apply there.
 *
 * @param eea whether its regions are in the European Economic Area (the EU, Iceland, Liechtenstein,
 *            Norway): a flow between EEA jurisdictions is no transfer under GDPR Chapter V, even where
 *            it breaks the company's own residency rule. Absent: true where the GDPR applies.
 */
public record Jurisdiction(
        @NotEmpty(message = "expected the frameworks that apply, e.g. [GDPR]") List<String> frameworks,
        @NotEmpty(message = "expected the explicit list of cloud regions in this jurisdiction")
        List<@Pattern(regexp = Policy.CLOUD_REGION, message = "expected a cloud region such as eu-west-1") String> regions,
        Boolean eea) {

    public Jurisdiction(List<String> frameworks, List<String> regions) {
        this(frameworks, regions, null);
    }

    public boolean inEea() {
        return eea != null ? eea : frameworks != null && frameworks.contains("GDPR");
    }
}
