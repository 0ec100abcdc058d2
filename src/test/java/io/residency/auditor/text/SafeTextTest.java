package io.residency.auditor.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SafeTextTest {

    @ParameterizedTest(name = "U+{0} is escaped")
    @CsvSource({"000a", "000d", "0000", "0007", "0008", "0009", "001b", "007f", "0085", "009b", "061c", "200e", "200f", "202a", "202e",
            "2066", "2069", "2028", "2029", "feff"})
    void controlsLineBreaksAndBidiOverridesBecomeVisibleEscapes(String hex) {
        String character = String.valueOf((char) Integer.parseInt(hex, 16));

        assertThat(SafeText.escape("a" + character + "b")).isEqualTo("a\\u" + hex + "b");
    }

    @Test
    void ordinaryTextIncludingAccentsAndCjkIsUnchanged() {
        String text = "eu-west-1/loki storage_config.aws s3://logs-ch — Zürich 東京 ✓";

        assertThat(SafeText.escape(text)).isSameAs(text);
    }

    @Test
    void aWorkflowCommandAfterANewlineStaysOnTheSameLine() {
        String escaped = SafeText.escape("exporter x\n::error::pwned\r\u001b[2J");

        assertThat(escaped).isEqualTo("exporter x\\u000a::error::pwned\\u000d\\u001b[2J").doesNotContain("\n", "\r", "\u001b");
    }

    @Test
    void everyLineOfAStackTraceIsIndentedSoNoneStartsWithConfigText() {
        String trace = "java.lang.IllegalStateException: bad\n::error::x\u001b]0;title\u0007\n\tat a.B.c(B.java:1)\n";

        String indented = SafeText.indentLines(trace, "    | ");

        assertThat(indented.lines()).allSatisfy(line -> assertThat(line).startsWith("    | "))
                .hasSize(3);
        assertThat(indented).contains("::error::x\\u001b]0;title\\u0007", "|  at a.B.c(B.java:1)").doesNotContain("\u001b", "\t");
    }
}
