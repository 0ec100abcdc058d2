package io.residency.auditor.cli;

import io.residency.auditor.facts.AuditorVersion;
import io.residency.auditor.input.InvalidInputException;
import io.residency.auditor.text.SafeText;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

/** The {@code residency-auditor} command line and its mapping of outcomes to exit codes. */
@Command(name = "residency-auditor", mixinStandardHelpOptions = true, versionProvider = AuditorCommandLine.Version.class,
        subcommands = {AuditCommand.class, GateCommand.class, VerifyCommand.class, RejudgeCommand.class, RbacCommand.class, CommandLine.HelpCommand.class, CompletionCommand.class},
        description = "Proves that a multi-region observability platform keeps personal and financial data in its jurisdiction.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:completed; nothing at or above the fail-on level (also --help, --version)",
                "1:completed; findings at or above the fail-on level (verify: the bundle differs; rejudge: the findings differ)",
                "2:bad usage or bad input file",
                "3:the run could not complete"})
public final class AuditorCommandLine implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(AuditorCommandLine.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Without a subcommand there is nothing to run: a usage error, answered with the usage. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.BAD_INPUT;
    }

    public static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new AuditorCommandLine())
                .setExitCodeExceptionMapper(AuditorCommandLine::exitCodeOf)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    // The user gets one clear line; the stack trace only goes to the debug log (--verbose).
                    printError(cmd, e.getMessage());
                    log.debug("Details", e);
                    return exitCodeOf(e);
                });
        commandLine.setParameterExceptionHandler(new CommandLine.IParameterExceptionHandler() {
            @Override
            public int handleParseException(CommandLine.ParameterException e, String[] args) {
                CommandLine failed = e.getCommandLine();
                printError(failed, e.getMessage());
                PrintWriter err = failed.getErr();
                // "Did you mean ...?" for a mistyped option or subcommand.
                CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
                err.println("Run '" + failed.getCommandSpec().qualifiedName() + " --help' for usage.");
                return ExitCode.BAD_INPUT;
            }
        });
        return commandLine.execute(args);
    }

    /** Every error line: the database URL's secrets redacted, config text escaped onto one line. */
    private static void printError(CommandLine cmd, String message) {
        OptionSpec db = cmd.getCommandSpec().findOption("--db");
        String url = db == null ? null : db.getValue();
        cmd.getErr().println("error: " + SafeText.escape(JdbcUrls.redactIn(message, url)));
    }

    private static int exitCodeOf(Throwable e) {
        return e instanceof InvalidInputException || e instanceof CommandLine.ParameterException
                ? ExitCode.BAD_INPUT
                : ExitCode.RUN_FAILED;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"residency-auditor " + AuditorVersion.current()};
        }
    }
}
