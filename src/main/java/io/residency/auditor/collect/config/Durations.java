package io.residency.auditor.collect.config;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Prometheus-style durations as Loki and Tempo write them: 744h, 30d, 1y2w, 90m, 0s. */
final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|y|w|d|h|m|s)");

    private Durations() {
    }

    /** Whole hours, rounded down; 0 for a zero duration. */
    static long hours(String text, List<Object> path) {
        String value = text.strip();
        if (value.equals("0")) {
            return 0;
        }
        try {
            return parse(value, path);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new ConfigShapeException(path, "expected a duration such as 744h, 30d or 1y; this one is too large");
        }
    }

    private static long parse(String value, List<Object> path) {
        Matcher matcher = PART.matcher(value);
        long millis = 0;
        int end = 0;
        while (matcher.find()) {
            if (matcher.start() != end) {
                break;
            }
            long amount = Long.parseLong(matcher.group(1));
            millis = Math.addExact(millis, Math.multiplyExact(amount, switch (matcher.group(2)) {
                case "y" -> 365L * 24 * 3600 * 1000;
                case "w" -> 7L * 24 * 3600 * 1000;
                case "d" -> 24L * 3600 * 1000;
                case "h" -> 3600L * 1000;
                case "m" -> 60L * 1000;
                case "s" -> 1000L;
                default -> 1L;
            }));
            end = matcher.end();
        }
        if (end == 0 || end != value.length()) {
            throw new ConfigShapeException(path, "expected a duration such as 744h, 30d or 1y");
        }
        return millis / (3600L * 1000);
    }
}
