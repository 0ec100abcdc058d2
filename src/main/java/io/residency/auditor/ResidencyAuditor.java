package io.residency.auditor;

import io.residency.auditor.cli.AuditorCommandLine;
import io.residency.auditor.controls.ControlCatalog;
import io.residency.auditor.input.YamlInputReader;
import java.util.Set;
import org.slf4j.LoggerFactory;

/** Entry point of {@code residency-auditor}: the CLI decides what runs and maps outcomes to exit codes. */
public final class ResidencyAuditor {

    /** The commands that validate inputs and judge controls. */
    private static final Set<String> RUNS = Set.of("audit", "gate");

    private ResidencyAuditor() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && RUNS.contains(args[0])) {
            prepareInBackground();
        }
        System.exit(AuditorCommandLine.execute(args));
    }

    /**
     * Starts a run's one-time set-ups that need none of its arguments (Hibernate Validator, the control
     * catalog and the YAML reader under it) on a second thread, while the main one parses the command
     * line, as Spring Boot's background pre-initializer does. Whichever thread comes
     * first makes them and the other waits; one that fails here is met, and reported, by the run itself.
     */
    private static void prepareInBackground() {
        // Logging is set up first, on this thread: SLF4J set up by two threads at once queues the second
        // one's log calls and prints a three-line "SLF4J(W): ... replayed" warning at every run.
        LoggerFactory.getILoggerFactory();
        Thread thread = new Thread(() -> {
            try {
                YamlInputReader.sharedValidator();
                ControlCatalog.load();
            } catch (RuntimeException | LinkageError ignored) {
                // The run makes it again on its own thread and reports what went wrong there.
            }
        }, "prepare");
        thread.setDaemon(true);
        thread.start();
    }
}
