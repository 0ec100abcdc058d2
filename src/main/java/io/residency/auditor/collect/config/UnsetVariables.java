package io.residency.auditor.collect.config;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Fields that hold a variable the auditor's environment does not set. Loki and Tempo, run with
 * {@code -config.expand-env=true}, expand such a variable to empty: the auditor cannot know the
 * value the deployment has, so only the store whose field holds it is unverified, naming the
 * variable; the rest of the file is judged. {@link EnvExpander#expandLenient} leaves the marker.
 */
final class UnsetVariables {

    private UnsetVariables() {
    }

    /** The first unset variable in {@code keys} of {@code block}, as an unlocated store of {@code backend}. */
    static Optional<StorageLocation> location(ConfigTree block, List<String> keys, String backend) {
        for (String key : keys) {
            Optional<String> value = block.text(key);
            Optional<String> name = value.flatMap(UnsetVariables::variable);
            if (name.isPresent()) {
                return Optional.of(StorageLocation.unlocated(block.at(key).pathText(), backend, "", message(block.at(key).pathText(), name.get())));
            }
        }
        return Optional.empty();
    }

    /** The name of the first unset variable in a value. */
    static Optional<String> variable(String value) {
        Matcher m = EnvExpander.UNSET.matcher(value);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static String message(String configPath, String variable) {
        return configPath + " holds ${" + variable + "}, which is not set in the auditor's environment (with -config.expand-env=true"
                + " the component expands it to empty, so where it writes is not known); expected the variable set as the deployment"
                + " sets it, or expandEnv: false on the estate source if the component runs without -config.expand-env";
    }
}
