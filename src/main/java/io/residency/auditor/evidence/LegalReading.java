package io.residency.auditor.evidence;

import io.residency.auditor.controls.Provision;
import io.residency.auditor.findings.Finding;
import io.residency.auditor.findings.Status;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a problem is in a framework's law, as the framework file words it ({@code reading} of a
 * provision): a residency FAIL of an EEA region whose data goes outside the EEA reads in the GDPR
 * report as "transfer outside the EEA with no recorded legal basis", and with an exception that
 * records a basis as "transfer outside the EEA, legal basis SCC (EX-12)". The finding's status and
 * message stay those of the company's residency rule; this is the report's reading of them.
 */
final class LegalReading {

    /** Evidence columns that name where a finding's data goes, most specific first. */
    private static final List<String> DESTINATION_KEYS = List.of("destination_region", "actual_region", "declared_region");

    private LegalReading() {
    }

    /** @return the reading, or {@code null} where the framework words nothing for this finding */
    static String of(EvidenceModel model, String framework, Finding finding) {
        if (model.policy() == null || !(finding.status() == Status.FAIL || isExceptedFailure(finding))) {
            return null;
        }
        Optional<Provision.Reading> reading = model.frameworkCatalog().framework(framework).flatMap(f -> f.provisions().stream()
                .filter(p -> p.reading() != null && p.controls().contains(finding.controlId())).map(Provision::reading).findFirst());
        String destination = destination(finding);
        Set<String> eea = model.policy().eeaJurisdictions();
        if (reading.isEmpty() || destination == null || finding.jurisdiction() == null || !eea.contains(finding.jurisdiction())) {
            return null;
        }
        String destinationJurisdiction = jurisdictionOf(model, destination);
        String text;
        if (destinationJurisdiction != null && eea.contains(destinationJurisdiction)) {
            text = reading.get().insideEea();
        } else if (finding.status() == Status.FAIL) {
            text = reading.get().fail();
        } else if (finding.evidence().get("legal_basis") != null) {
            text = reading.get().excepted();
        } else {
            text = Objects.requireNonNullElse(reading.get().acceptedRisk(), reading.get().fail());
        }
        return text == null ? null : fill(text, Map.of(
                "legalBasis", String.valueOf(finding.evidence().get("legal_basis")),
                "exceptionId", Objects.toString(finding.exceptionId(), "-"),
                "destination", destination,
                "destinationJurisdiction", Objects.toString(destinationJurisdiction, "no jurisdiction of the policy")));
    }

    private static boolean isExceptedFailure(Finding finding) {
        return finding.status() == Status.WAIVED && Status.FAIL.name().equals(finding.evidence().get("waived_status"));
    }

    private static String destination(Finding finding) {
        return DESTINATION_KEYS.stream().map(k -> finding.evidence().get(k)).filter(Objects::nonNull).map(Object::toString)
                .findFirst().orElse(null);
    }

    private static String jurisdictionOf(EvidenceModel model, String region) {
        return model.policy().jurisdictions().entrySet().stream()
                .filter(e -> e.getValue().regions().contains(region)).map(Map.Entry::getKey).sorted().findFirst().orElse(null);
    }

    private static String fill(String template, Map<String, String> values) {
        String text = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{" + value.getKey() + "}", value.getValue());
        }
        return text;
    }
}
