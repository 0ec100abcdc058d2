package io.residency.auditor.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Generators of malformed and hostile inputs: each case a name and its bytes. */
final class HostileInputs {

    record Case(String name, byte[] bytes) {
        @Override
        public String toString() {
            return name;
        }
    }

    private HostileInputs() {
    }

    static Case text(String name, String text) {
        return new Case(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Shapes that break any YAML reader: each must be refused clearly, in bounded time and memory. */
    static List<Case> yamlAttacks() {
        List<Case> cases = new ArrayList<>();
        StringBuilder laughs = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            laughs.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                laughs.append(i == 0 ? "" : ",").append('*').append((char) (c - 1));
            }
            laughs.append("]\n");
        }
        cases.add(text("alias bomb (billion laughs)", laughs.toString()));
        cases.add(text("deep nesting of lists", "a: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n"));
        cases.add(text("deep nesting of mappings", "a: " + "{b: ".repeat(50_000) + "1" + "}".repeat(50_000) + "\n"));
        cases.add(new Case("binary garbage", binary()));
        cases.add(new Case("invalid UTF-8", new byte[] {'a', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'}));
        cases.add(text("NUL bytes", "a: \u0000\u0000\n"));
        cases.add(text("unclosed quote", "a: \"never closed\n"));
        cases.add(text("unclosed flow list", "a: [1, 2\n"));
        cases.add(text("tab indentation", "a:\n\tb: 1\n"));
        cases.add(text("duplicate keys", "a: 1\na: 2\n"));
        cases.add(text("a lone scalar", "just a string\n"));
        cases.add(text("a top-level list", "- a\n- b\n"));
        cases.add(text("empty", ""));
        cases.add(text("only a comment", "# nothing here\n"));
        cases.add(text("undefined alias", "a: *nowhere\n"));
        cases.add(text("recursive alias", "a: &a [*a]\n"));
        cases.add(text("very long key", "k".repeat(200_000) + ": 1\n"));
        cases.add(text("control characters", "a: \u0007\u001b[31m\n"));
        cases.add(text("many documents", "a: 1\n---\nb: 2\n---\nc: 3\n"));
        cases.add(text("merge key into scalar", "a: {<<: 5}\n"));
        return cases;
    }

    static byte[] binary() {
        byte[] bytes = new byte[4096];
        new java.util.Random(42).nextBytes(bytes);
        return bytes;
    }

    static Case huge(String name, long megabytes) {
        byte[] bytes = new byte[(int) (megabytes * 1024 * 1024)];
        java.util.Arrays.fill(bytes, (byte) 'x');
        bytes[0] = 'a';
        bytes[1] = ':';
        bytes[2] = ' ';
        return new Case(name, bytes);
    }
}
