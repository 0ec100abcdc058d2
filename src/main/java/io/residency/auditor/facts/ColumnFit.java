package io.residency.auditor.facts;

/**
 * Fits values to the widths of the fact columns (sql/migrations/V2__audit_schema.sql). A longer value
 * is cut and ends with "…" instead of failing the run with "value too long", and the fit remembers it,
 * so the repository can mark what it belongs to as not verified: a cut value must never count as read.
 */
final class ColumnFit {

    static final String MARKER = "…";

    private String firstCut;

    /** @return the value, or its first {@code width - 1} characters and the marker */
    String fit(String value, int width, String column) {
        if (value == null || value.length() <= width) {
            return value;
        }
        if (firstCut == null) {
            firstCut = column;
        }
        int end = width - MARKER.length();
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + MARKER;
    }

    boolean cut() {
        return firstCut != null;
    }

    /** Why the fact is not verified, naming the column but never the value. */
    String reason() {
        return "a value longer than the " + firstCut + " column holds was cut (over-long host name, selector, tag or path); not verified";
    }
}
