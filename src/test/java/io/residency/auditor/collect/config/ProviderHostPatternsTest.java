package io.residency.auditor.collect.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProviderHostPatternsTest {

    static Stream<String> examplesOfEveryForm() {
        return EndpointRegionsTest.awsHostsInEveryFormOfTheTable().map(arguments -> EndpointRegions.hostOf((String) arguments.get()[0]));
    }

    /** Table order must not matter: whichever rows match a host, they read the same region. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("examplesOfEveryForm")
    void everyRowThatMatchesAHostReadsTheSameRegion(String host) {
        assertThat(ProviderHostPatterns.regionsOfEveryForm(host)).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void theReadmeListsEveryFormOfTheTable(String form) throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme).contains("`" + form + "`");
    }

    static Stream<String> forms() {
        return ProviderHostPatterns.forms().stream();
    }
}
