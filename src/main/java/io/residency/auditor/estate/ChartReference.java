package io.residency.auditor.estate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The estate's {@code chart:} value: a chart name ({@code grafana/loki}) and, after {@code @}, an
 * optional version range of space-separated comparators that must all hold ({@code grafana/loki@>=6 <7}).
 * A comparator is {@code >=}, {@code >}, {@code <=}, {@code <} or {@code =} (or none, meaning {@code =})
 * and a version of one to three numbers; a partial version covers all its releases, as npm and Helm
 * read it ({@code <=6} is below 7.0.0, {@code =6} is 6.x). The range is kept as one half-open interval.
 *
 * @param name  e.g. {@code grafana/loki}
 * @param range the versions the estate says are deployed; {@link VersionRange#ANY} without {@code @}
 */
public record ChartReference(String name, VersionRange range) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*/[a-z0-9][a-z0-9._-]*");
    private static final Pattern COMPARATOR = Pattern.compile("(>=|<=|>|<|=)?v?(\\d{1,6})(?:\\.(\\d{1,6}))?(?:\\.(\\d{1,6}))?");

    /** Parses the estate's value; the message of the exception says what was expected. */
    public static ChartReference parse(String text) {
        String value = text.strip();
        int at = value.indexOf('@');
        String name = at < 0 ? value : value.substring(0, at).strip();
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("chart '" + name + "' is not a chart name; expected repository/chart such as grafana/loki");
        }
        if (at < 0) {
            return new ChartReference(name, VersionRange.ANY);
        }
        String rangeText = value.substring(at + 1).strip();
        if (rangeText.isEmpty()) {
            throw new IllegalArgumentException("no version range after '@'; expected e.g. grafana/loki@>=6 <7");
        }
        VersionRange range = VersionRange.ANY;
        for (String part : rangeText.split("\\s+")) {
            Matcher m = COMPARATOR.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("version range part '" + part
                        + "' is not understood; expected comparators such as >=6, <7, =6.2 (all must hold)");
            }
            range = range.intersect(VersionRange.of(m.group(1) == null ? "=" : m.group(1), numbers(m)));
        }
        if (range.isEmpty()) {
            throw new IllegalArgumentException("version range '" + rangeText + "' holds no version; expected e.g. >=6 <7");
        }
        return new ChartReference(name, range);
    }

    private static List<Integer> numbers(Matcher m) {
        List<Integer> numbers = new ArrayList<>();
        for (int g = 2; g <= 4 && m.group(g) != null; g++) {
            numbers.add(Integer.parseInt(m.group(g)));
        }
        return numbers;
    }

    @Override
    public String toString() {
        return range.equals(VersionRange.ANY) ? name : name + "@" + range;
    }
}
