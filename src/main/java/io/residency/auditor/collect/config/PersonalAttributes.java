package io.residency.auditor.collect.config;

import io.residency.auditor.policy.PiiDetection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which attribute names are personal data, by the policy's own PII settings: an attribute is personal
 * when one of {@code pii.labelNamePatterns} matches it, or matches the label Prometheus makes of it
 * ({@code user.email} becomes {@code user_email}), and neither is on {@code pii.allowLabels}. So the
 * collector's dimensions and the federated series are judged by the same list.
 */
public final class PersonalAttributes {

    /** Without a policy: nothing is known to be personal (only tests that judge no dimension use it). */
    public static final PersonalAttributes NONE = new PersonalAttributes(List.of(), Set.of());

    private final List<Pattern> patterns;
    private final Set<String> allowed;

    private PersonalAttributes(List<Pattern> patterns, Set<String> allowed) {
        this.patterns = patterns;
        this.allowed = allowed;
    }

    public static PersonalAttributes of(PiiDetection pii) {
        return new PersonalAttributes(pii.labelNamePatterns().stream().map(Pattern::compile).toList(), Set.copyOf(pii.allowLabels()));
    }

    /** The first policy pattern that matches the attribute or its label form; empty when none does or it is allowed. */
    public Optional<String> patternFor(String attribute) {
        String label = labelOf(attribute);
        if (allowed.contains(attribute) || allowed.contains(label)) {
            return Optional.empty();
        }
        return patterns.stream().filter(p -> p.matcher(attribute).matches() || p.matcher(label).matches())
                .map(Pattern::pattern).findFirst();
    }

    /** The label name Prometheus gives an attribute: every character outside [a-zA-Z0-9_] becomes '_'. */
    static String labelOf(String attribute) {
        return attribute.replaceAll("[^a-zA-Z0-9_]", "_");
    }
}
