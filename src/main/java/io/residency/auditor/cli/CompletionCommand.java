package io.residency.auditor.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Prints a completion script for bash and zsh: {@code source <(residency-auditor completion)}. */
@Command(name = "completion", mixinStandardHelpOptions = true, versionProvider = AuditorCommandLine.Version.class,
        description = {"Print a bash/zsh completion script for residency-auditor on stdout.",
                "bash: source <(residency-auditor completion)",
                "zsh:  autoload -U +X compinit && compinit; autoload -U +X bashcompinit && bashcompinit; source <(residency-auditor completion)"})
public class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(AutoComplete.bash("residency-auditor", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
