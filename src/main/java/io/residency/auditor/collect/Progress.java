package io.residency.auditor.collect;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of a long collection (many buckets, many labels), decided in this one place: on a
 * person's terminal one line on stderr is redrawn as the work advances; anywhere else (CI, a
 * CronJob's log) at most one log line per tenth of the work, and none for short collections.
 * Thread-safe: parallel workers call {@link #advance()}.
 *
 * <p>Callers name the work with fixed words and validated names (cloud regions) only, because the
 * terminal line is written as is.
 */
public final class Progress {

    private static final Logger log = LoggerFactory.getLogger(Progress.class);
    /** Below this many items a collection is quick: nothing is reported. */
    static final long QUIET_BELOW = 100;

    private final String what;
    private final String unit;
    private final long total;
    private final PrintStream terminal;
    private final Consumer<String> logLine;
    private final AtomicLong done = new AtomicLong();
    private long lastReported;

    Progress(String what, String unit, long total, PrintStream terminal, Consumer<String> logLine) {
        this.what = what;
        this.unit = unit;
        this.total = total;
        this.terminal = terminal;
        this.logLine = logLine;
    }

    /** @param terminal where to redraw the line, or {@code null} to log every tenth instead */
    static Progress of(String what, String unit, long total, PrintStream terminal) {
        return new Progress(what, unit, total, terminal, log::info);
    }

    /** Progress of {@code total} items, on the terminal when there is one and this is not CI. */
    public static Progress of(String what, String unit, long total) {
        boolean person = System.console() != null && System.getenv("CI") == null;
        return of(what, unit, total, person ? System.err : null);
    }

    /** One more item done. */
    public void advance() {
        long count = done.incrementAndGet();
        if (total < QUIET_BELOW) {
            return;
        }
        // Redraw on each percent on a terminal; log on each tenth elsewhere.
        long step = terminal != null ? Math.max(1, total / 100) : Math.max(1, total / 10);
        synchronized (this) {
            if (count / step > lastReported / step || count == total) {
                if (lastReported == total) {
                    return;
                }
                lastReported = count;
                report(count);
            }
        }
    }

    private void report(long count) {
        String line = what + ": " + count + "/" + total + " " + unit + " (" + (count * 100 / total) + "%)";
        if (terminal == null) {
            logLine.accept(line);
        } else {
            terminal.print("\r" + line + (count == total ? System.lineSeparator() : ""));
            terminal.flush();
        }
    }
}
