package io.residency.auditor.cli;

import io.residency.auditor.evidence.BundleFindings;
import io.residency.auditor.findings.Finding;
import io.residency.auditor.input.InvalidInputException;
import io.residency.auditor.text.SafeText;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "rejudge", mixinStandardHelpOptions = true, versionProvider = AuditorCommandLine.Version.class, description = {
        "Re-perform a bundled run: load the bundle's facts/ into a fresh in-memory database, run the controls with the "
                + "bundle's inputs/policy.yaml and inputs/waivers.yaml at the run's start time, offline, and compare the "
                + "findings (fingerprint and status) with the bundle's findings.json. Run 'verify' first: rejudge trusts the files.",
        "Exit 0 when the findings are identical, 1 when they differ (each difference listed), 2 when DIR is not a bundle."})
public class RejudgeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "An evidence bundle folder, e.g. reports/<run-id>.")
    Path bundle;

    @Option(names = {"-v", "--verbose"}, description = "Log what the re-performance does.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        BundleFolder.require(bundle);
        BundleFindings recorded = BundleFindings.read(bundle).orElse(null);
        if (recorded == null || !Files.isDirectory(bundle.resolve("facts")) || !Files.isDirectory(bundle.resolve("inputs"))) {
            throw new InvalidInputException(bundle.toString(), "",
                    "not a re-performable bundle; expected findings.json, facts/ and inputs/ (a bundle of this auditor's version)");
        }
        List<Finding> rejudged = new RejudgeLauncher().rejudge(bundle, recorded, verbose);
        Map<String, String> now = new TreeMap<>();
        Map<String, String> names = new TreeMap<>(recorded.names());
        for (Finding finding : rejudged) {
            now.put(finding.fingerprint(), finding.status().name());
            names.putIfAbsent(finding.fingerprint(), finding.controlId() + " " + finding.resource());
        }
        List<String> differences = differences(recorded.statuses(), now, names);
        PrintWriter out = spec.commandLine().getOut();
        String shown = SafeText.escape(bundle.toString());
        out.println("Re-performing run " + SafeText.escape(recorded.runId()) + " from bundle " + shown
                + " (facts/ and inputs/ on a fresh in-memory database, offline)");
        out.println("  findings.json: " + recorded.statuses().size() + " findings; re-performed: " + now.size() + " findings");
        if (!recorded.carriedOver().isEmpty()) {
            out.println("  not compared: " + recorded.carriedOver().size()
                    + " finding(s) carried over from an earlier run (their source could not be read; their facts are not in this bundle)");
        }
        differences.forEach(line -> out.println("  " + SafeText.escape(line)));
        if (!differences.isEmpty()) {
            out.println("Re-performance of " + shown + " DIFFERS from its findings.json: " + differences.size() + " difference(s) above.");
            return ExitCode.FINDINGS;
        }
        out.println("Re-performance of " + shown + " reproduces its findings.json: same fingerprints, same statuses.");
        return ExitCode.OK;
    }

    /** Added, missing and changed findings, in fingerprint order. */
    static List<String> differences(Map<String, String> recorded, Map<String, String> now, Map<String, String> names) {
        List<String> lines = new ArrayList<>();
        TreeSet<String> all = new TreeSet<>(recorded.keySet());
        all.addAll(now.keySet());
        for (String fingerprint : all) {
            String was = recorded.get(fingerprint);
            String is = now.get(fingerprint);
            String name = fingerprint + " " + names.getOrDefault(fingerprint, "");
            if (was == null) {
                lines.add("ADDED    " + name + ": " + is + " (not in findings.json)");
            } else if (is == null) {
                lines.add("MISSING  " + name + ": " + was + " in findings.json, not found again");
            } else if (!was.equals(is)) {
                lines.add("CHANGED  " + name + ": " + was + " in findings.json, " + is + " re-performed");
            }
        }
        return lines;
    }
}
