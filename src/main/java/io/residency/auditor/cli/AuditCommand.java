package io.residency.auditor.cli;

import io.residency.auditor.evidence.ReportFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "audit", mixinStandardHelpOptions = true, versionProvider = AuditorCommandLine.Version.class,
        description = "Collect facts, judge them against the residency policy, record findings and write the evidence bundle.")
public class AuditCommand implements Callable<Integer> {

    @Mixin
    RunOptions options;

    @Option(names = "--fail-on", paramLabel = "LEVEL", converter = FailOn.Converter.class, defaultValue = "none",
            description = "Exit 1 when a FAIL or UNVERIFIED finding is at or above this severity: critical, high, medium, low or none. Default: ${DEFAULT-VALUE}.")
    FailOn failOn;

    @Option(names = "--format", split = ",", paramLabel = "FORMAT", defaultValue = "json,csv,pdf,sarif,junit,ocsf",
            description = "The reports to render, any of: json, csv, pdf, sarif, junit, ocsf. Inputs, facts, the manifest and the signature are always written. Default: ${DEFAULT-VALUE}.")
    List<String> formats;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Set<String> asked;
        try {
            asked = ReportFormat.labels(formats);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return new AuditRunner(options, failOn, "audit", false, asked).run();
    }
}
