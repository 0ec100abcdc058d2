package io.residency.auditor.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private final List<String> logged = new ArrayList<>();

    @Test
    void withoutATerminalALongCollectionLogsAtMostOneLinePerTenth() {
        Progress progress = new Progress("bucket inventory", "buckets", 2000, null, logged::add);

        for (int i = 0; i < 2000; i++) {
            progress.advance();
        }

        assertThat(logged).hasSize(10).first().isEqualTo("bucket inventory: 200/2000 buckets (10%)");
        assertThat(logged).last().isEqualTo("bucket inventory: 2000/2000 buckets (100%)");
    }

    @Test
    void aShortCollectionReportsNothing() {
        Progress progress = new Progress("series of eu-west-1", "labels", 40, null, logged::add);

        for (int i = 0; i < 40; i++) {
            progress.advance();
        }

        assertThat(logged).isEmpty();
    }

    @Test
    void onATerminalOneLineIsRedrawnAndEndedOnceWhenDone() {
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        Progress progress = new Progress("bucket inventory", "buckets", 500, new PrintStream(terminal, true, StandardCharsets.UTF_8), logged::add);

        for (int i = 0; i < 500; i++) {
            progress.advance();
        }

        String drawn = terminal.toString(StandardCharsets.UTF_8);
        assertThat(logged).as("nothing goes to the log").isEmpty();
        assertThat(drawn).startsWith("\rbucket inventory: 5/500 buckets (1%)").endsWith("\rbucket inventory: 500/500 buckets (100%)" + System.lineSeparator());
        assertThat(drawn.chars().filter(c -> c == '\n').count()).as("one line ended, once").isEqualTo(1);
        assertThat(drawn.split("\r")).hasSize(101);
    }

    @Test
    void parallelWorkersReportTheEndExactlyOnce() throws InterruptedException {
        Progress progress = new Progress("bucket inventory", "buckets", 10_000, null, logged::add);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 10_000; i++) {
            pool.submit(progress::advance);
        }
        pool.shutdown();

        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        // Progress reports under its own lock, so the plain list is written by one thread at a time.
        assertThat(logged).hasSizeBetween(1, 10).filteredOn(line -> line.contains("10000/10000")).hasSize(1);
    }
}
