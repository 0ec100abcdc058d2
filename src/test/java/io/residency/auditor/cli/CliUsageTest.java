package io.residency.auditor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.residency.auditor.CliRun;
import io.residency.auditor.facts.AuditorVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a newcomer meets first: usage, version, typos and shell completion, with the documented exit codes. */
class CliUsageTest {

    @ParameterizedTest
    @ValueSource(strings = {"audit", "gate", "verify", "completion"})
    void everySubcommandAnswersHelpWithItsOwnUsageAndExitsZero(String subcommand) {
        CliRun run = CliRun.of(subcommand, "--help");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        assertThat(run.stdout()).startsWith("Usage: residency-auditor " + subcommand).doesNotContain("<main class>");
        assertThat(run.stderr()).isEmpty();
    }

    @Test
    void helpSubcommandShowsTheNamedSubcommandsUsage() {
        CliRun run = CliRun.of("help", "audit");

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.stdout()).startsWith("Usage: residency-auditor audit").contains("--estate=FILE", "--fail-on=LEVEL");
    }

    @Test
    void topLevelHelpListsTheSubcommandsAndTheExitCodes() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.stdout()).startsWith("Usage: residency-auditor").contains("audit", "gate", "verify", "completion", "Exit codes:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--version", "-V"})
    void versionPrintsTheBuildsVersionAndExitsZero(String option) {
        CliRun run = CliRun.of(option);
        CliRun ofSubcommand = CliRun.of("gate", option);

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.stdout().strip()).isEqualTo("residency-auditor " + AuditorVersion.current());
        assertThat(ofSubcommand.stdout()).isEqualTo(run.stdout());
    }

    @Test
    void noSubcommandIsAUsageErrorThatShowsTheUsage() {
        CliRun run = CliRun.of();

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.stderr()).startsWith("Usage: residency-auditor");
    }

    @Test
    void mistypedSubcommandSuggestsTheNearestOne() {
        CliRun run = CliRun.of("audt");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.stderr()).contains("'audt'", "Did you mean: residency-auditor audit", "Run 'residency-auditor --help' for usage.");
    }

    @Test
    void mistypedOptionSuggestsTheNearestOne() {
        CliRun run = CliRun.of("audit", "--estat", "x");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.stderr()).contains("--estat", "Possible solutions: --estate", "Run 'residency-auditor audit --help' for usage.");
    }

    @Test
    void missingEstateNamesTheSubcommandNotAMainClass() {
        CliRun run = CliRun.of("gate", "--offline");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.stderr()).contains("--estate=FILE", "Run 'residency-auditor gate --help' for usage.").doesNotContain("<main class>");
    }

    @Test
    void completionPrintsABashScriptThatCompletesEverySubcommand() {
        CliRun run = CliRun.of("completion");

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.stdout()).startsWith("#!/usr/bin/env bash")
                .contains("complete -F _complete_residency-auditor -o default residency-auditor")
                .contains("audit", "gate", "verify", "--estate", "--fail-on");
    }
}
