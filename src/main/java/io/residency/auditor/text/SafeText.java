package io.residency.auditor.text;

/**
 * The one way text that a config, an estate or an error carries reaches a terminal, a log or a document.
 * Control characters (C0, DEL, C1), Unicode line separators and bidi overrides become visible
 * {@code \\uXXXX} escapes, so such text can neither move the cursor, colour or retitle a
 * terminal, nor start a line of its own (a CI runner reads {@code ::error::} at a line's start).
 */
public final class SafeText {

    private SafeText() {
    }

    /** The text on one line, every unsafe character escaped; {@code null} stays "null". */
    public static String escape(CharSequence text) {
        return escape(text, false);
    }

    /**
     * Text for a document (the PDFs' XHTML): line breaks and tabs stay, every other unsafe character
     * is escaped, as are those XML 1.0 cannot hold (an ESC in a config would otherwise stop the render).
     */
    public static String escapeForDocument(CharSequence text) {
        return escape(text, true);
    }

    private static String escape(CharSequence text, boolean keepLineBreaks) {
        if (text == null) {
            return "null";
        }
        StringBuilder safe = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean kept = keepLineBreaks && (c == '\n' || c == '\r' || c == '\t');
            if (!kept && (unsafe(c) || notXml(text, i))) {
                if (safe == null) {
                    safe = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                safe.append(String.format("\\u%04x", (int) c));
            } else if (safe != null) {
                safe.append(c);
            }
        }
        return safe == null ? text.toString() : safe.toString();
    }

    /** Each line of a multi-line text (a stack trace) escaped and indented, so none starts with what the text says. */
    public static String indentLines(String text, String indent) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\r?\n", -1)) {
            if (!out.isEmpty()) {
                out.append(System.lineSeparator());
            }
            if (!line.isEmpty()) {
                // A tab opens every "at ..." line of a stack trace: kept, it cannot move to a new line.
                out.append(indent).append(escape(line.replace('\t', ' ')));
            }
        }
        return out.toString();
    }

    /** U+FFFE, U+FFFF and a surrogate without its pair are not XML characters. */
    private static boolean notXml(CharSequence text, int i) {
        char c = text.charAt(i);
        if (c == '\ufffe' || c == '\uffff') {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
    }

    static boolean unsafe(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f)
                || c == '\u061c' || c == '\u200e' || c == '\u200f'      // Arabic letter mark, LRM, RLM
                || (c >= '\u202a' && c <= '\u202e')                      // embeddings and overrides
                || (c >= '\u2066' && c <= '\u2069')                      // isolates
                || c == '\u2028' || c == '\u2029'                        // line and paragraph separators
                || c == '\ufeff';                                        // zero-width no-break space
    }
}
