package io.residency.auditor.facts;

import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * A database error as a person may see it: what the database refused and its SQLState, never the
 * values it refused nor the statement (H2 quotes the rejected value, e.g. an endpoint with its token,
 * and appends the SQL; PostgreSQL adds a "Detail: Failing row contains (...)" line).
 */
public final class DatabaseErrors {

    private static final Pattern QUOTED_VALUE = Pattern.compile("'(?:[^']|'')*'");
    private static final Pattern CUT = Pattern.compile("(?s)(; SQL statement:|\\n|\\s+Detail:|\\s+Where:|\\s+Call getNextException).*");

    private DatabaseErrors() {
    }

    /** The message of any failure, with a database error anywhere in its causes told without values. */
    public static String safeMessage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException) {
                return withoutValues(cause);
            }
        }
        return failure.getMessage();
    }

    public static boolean isDatabaseError(Throwable root) {
        return root instanceof SQLException;
    }

    public static String withoutValues(Throwable root) {
        String message = root.getMessage() == null ? "" : root.getMessage();
        message = CUT.matcher(message).replaceFirst("");
        message = QUOTED_VALUE.matcher(message).replaceAll("'…'");
        // H2 writes the value after the column as ": \"'…' (600)\"", the length kept, the value gone.
        if (message.length() > 300) {
            message = message.substring(0, 300) + "…";
        }
        String state = root instanceof SQLException sql && sql.getSQLState() != null ? " (SQLState " + sql.getSQLState() + ")" : "";
        return "database error: " + message.strip() + state + "; the values it refused are not shown";
    }
}
