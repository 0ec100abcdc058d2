package io.residency.auditor.cli;

import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "audit", mixinStandardHelpOptions = true, versionProvider = AuditorCommandLine.Version.class,
        description = "Collect facts, judge them against the residency policy, record findings and write the evidence bundle.")
public class AuditCommand implements Callable<Integer> {

    @Mixin
    RunOptions options;

    @Option(names = "--fail-on", paramLabel = "LEVEL", converter = FailOn.Converter.class, defaultValue = "none",
            description = "Exit 1 when a FAIL or UNVERIFIED finding is at or above this severity: critical, high, medium, low or none. Default: ${DEFAULT-VALUE}.")
    FailOn failOn;

    @Override
    public Integer call() {
        return new AuditRunner(options, failOn, "audit", false, Set.of()).run();
    }
}
