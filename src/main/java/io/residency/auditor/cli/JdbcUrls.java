package io.residency.auditor.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** JDBC URLs may carry passwords in their parameters; anything shown to a person goes through here. */
final class JdbcUrls {

    private static final Pattern USER_INFO = Pattern.compile("//([^/@\\s]*)@");
    private static final Pattern SECRET_PARAMETER = Pattern.compile("(?i)((?:password|pwd|user|sslpassword)=)(?!\\*\\*\\*)([^&;\\s]*)");

    private JdbcUrls() {
    }

    static String redact(String jdbcUrl) {
        String withoutUser = USER_INFO.matcher(jdbcUrl).replaceAll("//***@");
        return SECRET_PARAMETER.matcher(withoutUser).replaceAll("$1***");
    }

    /**
     * A message that may quote the URL (drivers do, in their errors): the URL's shapes of secrets are
     * redacted anywhere in it, and so is each secret of {@code jdbcUrl} wherever it appears alone.
     */
    static String redactIn(String message, String jdbcUrl) {
        if (message == null) {
            return null;
        }
        String redacted = message;
        for (String secret : secrets(jdbcUrl)) {
            redacted = redacted.replace(secret, "***");
        }
        return redact(redacted);
    }

    /**
     * The chain of causes with every message redacted, stack traces kept: what the verbose log may
     * show of a failure to open the database, whose driver messages may quote the URL.
     */
    static Throwable redactedChain(Throwable e, String jdbcUrl) {
        if (e == null) {
            return null;
        }
        Throwable cause = e.getCause() == e ? null : e.getCause();
        RedactedCause copy = new RedactedCause(e.getClass().getName() + ": " + redactIn(e.getMessage(), jdbcUrl), redactedChain(cause, jdbcUrl));
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    /** Stands for one exception of a redacted chain; its message starts with the original's class. */
    static final class RedactedCause extends RuntimeException {
        RedactedCause(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static List<String> secrets(String jdbcUrl) {
        List<String> secrets = new ArrayList<>();
        if (jdbcUrl == null) {
            return secrets;
        }
        Matcher userInfo = USER_INFO.matcher(jdbcUrl);
        while (userInfo.find()) {
            String info = userInfo.group(1);
            int colon = info.indexOf(':');
            if (colon >= 0) {
                secrets.add(info.substring(colon + 1));
            }
        }
        Matcher parameter = SECRET_PARAMETER.matcher(jdbcUrl);
        while (parameter.find()) {
            if (!parameter.group(1).equalsIgnoreCase("user=")) {
                secrets.add(parameter.group(2));
            }
        }
        // Replacing a one- or two-character secret would mangle the message and hide little.
        secrets.removeIf(secret -> secret.length() < 3);
        secrets.sort((a, b) -> b.length() - a.length());
        return secrets;
    }
}
