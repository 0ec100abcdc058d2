package io.residency.auditor.evidence;

import io.residency.auditor.controls.ControlDefinition;
import io.residency.auditor.controls.Provision;
import io.residency.auditor.policy.FrameworkRules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The framework's full name, where its text is, and each provision with the controls that support
 * it. A provision that states a company requirement (a policy parameter, such as the minimum log
 * retention) is named as company policy, with the parameter and its value in this run's policy.
 */
final class FrameworkMappingView {

    private FrameworkMappingView() {
    }

    static Map<String, Object> of(EvidenceModel model, String framework) {
        Map<String, Object> view = new LinkedHashMap<>();
        model.frameworkCatalog().framework(framework).ifPresent(f -> {
            view.put("frameworkName", f.name());
            view.put("frameworkSource", f.source());
            view.put("provisions", f.provisions().stream().map(p -> Map.of("ref", p.ref(), "title", p.title(),
                    "why", p.isCompanyPolicy() ? p.why() + " " + companyPolicy(model, framework, p) : p.why(),
                    "controls", model.controls().stream().filter(c -> p.controls().contains(c.id()))
                            .map(ControlDefinition::id).collect(Collectors.collectingAndThen(Collectors.joining(", "),
                                    ids -> ids.isEmpty() ? "-" : ids)))).toList());
        });
        return view;
    }

    /** "Company policy: frameworks.SOX.minimumLogRetentionDays = 2557 in the policy file." */
    static String companyPolicy(EvidenceModel model, String framework, Provision provision) {
        FrameworkRules rules = model.policy() == null ? null : model.policy().frameworks().get(framework);
        String values = provision.policyParameters().stream()
                .map(name -> "frameworks." + framework + "." + name + " = " + (rules == null ? "(not recorded)" : value(rules, name)))
                .collect(Collectors.joining(", "));
        return "Company policy, not a requirement of the statute: " + values + " in the policy file.";
    }

    private static String value(FrameworkRules rules, String name) {
        Object value = switch (name) {
            case "storageInJurisdiction" -> rules.storageInJurisdiction();
            case "replicationInJurisdiction" -> rules.replicationInJurisdiction();
            case "federationAllowed" -> rules.federationAllowed();
            case "minimumLogRetentionDays" -> rules.minimumLogRetentionDays() == null ? null : rules.minimumLogRetentionDays() + " days";
            default -> null;
        };
        return value == null || (value instanceof List<?> list && list.isEmpty()) ? "not set" : value.toString();
    }
}
