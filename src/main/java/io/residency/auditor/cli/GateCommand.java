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

@Command(name = "gate", mixinStandardHelpOptions = true, versionProvider = AuditorCommandLine.Version.class,
        description = "Pre-release check: judge a release's configuration files and fail on any FAIL or UNVERIFIED finding.")
public class GateCommand implements Callable<Integer> {

    @Mixin
    RunOptions options;

    @Option(names = "--offline", description = "Judge configuration files only: no AWS and no Thanos calls.")
    boolean offline;

    @Option(names = "--fail-on", paramLabel = "LEVEL", converter = FailOn.Converter.class, defaultValue = "low",
            description = "Exit 1 when a FAIL or UNVERIFIED finding is at or above this severity. Default: ${DEFAULT-VALUE}.")
    FailOn failOn;

    @Option(names = "--format", split = ",", paramLabel = "FORMAT", defaultValue = "json,sarif,junit",
            description = "The reports to render, any of: json (findings.json), csv (per-framework CSV), pdf (per-framework PDF), "
                    + "sarif (findings.sarif, SARIF 2.1.0), junit (junit.xml), ocsf (findings.ocsf.json, OCSF Compliance Findings). "
                    + "Inputs, facts, the manifest and the signature are always written. Default: ${DEFAULT-VALUE}.")
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
        return new AuditRunner(options, failOn, "gate", offline, asked).run();
    }
}
