package io.residency.auditor.cli;

import io.residency.auditor.evidence.Manifest;
import io.residency.auditor.input.InvalidInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = AuditorCommandLine.Version.class,
        description = "Check an evidence bundle against its MANIFEST.sha256: exit 0 when intact, 1 when any file differs.")
public class VerifyCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "An evidence bundle folder, e.g. reports/<run-id>.")
    Path bundle;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(bundle)) {
            throw new InvalidInputException(bundle.toString(), "", "not a folder; expected an evidence bundle folder");
        }
        List<String> problems = Manifest.verify(bundle);
        PrintWriter out = spec.commandLine().getOut();
        if (problems.isEmpty()) {
            out.println("Bundle " + ConsoleText.escape(bundle.toString()) + " is intact: every file matches " + Manifest.FILE_NAME + ".");
            return ExitCode.OK;
        }
        out.println("Bundle " + ConsoleText.escape(bundle.toString()) + " does NOT match its manifest:");
        problems.forEach(problem -> out.println("  " + ConsoleText.escape(problem)));
        return ExitCode.FINDINGS;
    }
}
