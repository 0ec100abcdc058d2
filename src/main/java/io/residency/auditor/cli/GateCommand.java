package io.residency.auditor.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "gate", description = "Pre-release check: judge a release's configuration files and fail on any FAIL or UNVERIFIED finding.")
public class GateCommand implements Callable<Integer> {

    @Mixin
    RunOptions options;

    @Option(names = "--offline", description = "Judge configuration files only: no AWS and no Thanos calls.")
    boolean offline;

    @Option(names = "--fail-on", paramLabel = "LEVEL", converter = FailOn.Converter.class, defaultValue = "low",
            description = "Exit 1 when a FAIL or UNVERIFIED finding is at or above this severity. Default: ${DEFAULT-VALUE}.")
    FailOn failOn;

    @Option(names = "--format", split = ",", paramLabel = "FORMAT", defaultValue = "json",
            description = "Machine-readable outputs besides the bundle. This version writes json (findings.json).")
    List<String> formats;

    @Override
    public Integer call() {
        for (String format : formats) {
            if (!"json".equals(format)) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                        "--format " + format + " is not available in this version; expected json");
            }
        }
        return new AuditRunner(options, failOn, "gate", offline).run();
    }
}
