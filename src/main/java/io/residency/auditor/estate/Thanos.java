package io.residency.auditor.estate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.util.regex.Matcher;

/**
 * The central Thanos Querier and the external label that names a series' home region.
 *
 * @param tokenFile        a file holding a bearer token for the querier, or
 * @param tokenEnv         an environment variable holding it
 * @param scanDeadline     how long the whole series scan may take (default 10m); what is left after it is UNVERIFIED
 * @param seriesCountLimit how many series of a personal-data label are counted before the count
 *                         stops and is reported as "more than" (default 10,000; 0 counts them all)
 */
public record Thanos(@NotBlank(message = "expected the querier's base URL") String url, String regionLabel,
                     String tokenFile, String tokenEnv,
                     @PositiveOrZero(message = "expected 0 (count every series) or a positive number") Long seriesCountLimit,
                     @Pattern(regexp = "([0-9]{1,6}(h|m|s))+", message = "expected a duration such as 10m, 1h or 90s")
                     String scanDeadline) {

    /** The whole series scan, all regions together: a slow querier must not hold the night's run for hours. */
    public static final Duration DEFAULT_SCAN_DEADLINE = Duration.ofMinutes(10);

    public Duration scanDeadlineOrDefault() {
        if (scanDeadline == null) {
            return DEFAULT_SCAN_DEADLINE;
        }
        Duration total = Duration.ZERO;
        Matcher part = java.util.regex.Pattern.compile("([0-9]+)([hms])").matcher(scanDeadline);
        while (part.find()) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "h" -> Duration.ofHours(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofSeconds(amount);
            });
        }
        return total;
    }

    /**
     * Enough series to show how far personal data has spread, few enough that the nightly audit
     * does not pull every series of a busy metric out of the central querier.
     */
    public static final long DEFAULT_SERIES_COUNT_LIMIT = 10_000;

    /** The external label that names a series' region when the estate names none. */
    public static final String DEFAULT_REGION_LABEL = "region";

    public Thanos {
        regionLabel = regionLabel == null ? DEFAULT_REGION_LABEL : regionLabel;
    }

    /** The limit to count to; {@link Long#MAX_VALUE} when every series is to be counted. */
    public long seriesCountLimitOrDefault() {
        if (seriesCountLimit == null) {
            return DEFAULT_SERIES_COUNT_LIMIT;
        }
        return seriesCountLimit == 0 ? Long.MAX_VALUE : seriesCountLimit;
    }
}
