package io.residency.auditor;

import io.residency.auditor.cli.AuditorCommandLine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs the real CLI in-process and keeps what it printed, as a user would see it.
 *
 * <p>Only the run's own threads (the caller and any thread it starts) are captured. Threads left
 * over from other tests in the same JVM, such as an S3 emulator's event loop still shutting down,
 * keep writing to the real console: in a real process they would not exist.
 */
public record CliRun(int exitCode, String stdout, String stderr) {

    private static final InheritableThreadLocal<Boolean> IN_RUN = new InheritableThreadLocal<>();

    public static CliRun of(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            IN_RUN.set(Boolean.TRUE);
            System.setOut(runOnly(out, originalOut));
            System.setErr(runOnly(err, originalErr));
            int code = AuditorCommandLine.execute(args);
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            IN_RUN.remove();
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    public String output() {
        return stdout + stderr;
    }

    private static PrintStream runOnly(ByteArrayOutputStream capture, PrintStream elsewhere) {
        OutputStream byThread = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                target().write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                target().write(bytes, offset, length);
            }

            private OutputStream target() {
                return Boolean.TRUE.equals(IN_RUN.get()) ? capture : elsewhere;
            }
        };
        return new PrintStream(byThread, true, StandardCharsets.UTF_8);
    }
}
