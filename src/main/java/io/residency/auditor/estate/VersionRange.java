package io.residency.auditor.estate;

import java.util.List;

/**
 * A half-open interval of chart versions {@code [from, below)}, each a major.minor.patch triple
 * encoded as one comparable number; {@code below} {@link #UNBOUNDED} has no upper limit.
 */
public record VersionRange(long from, long below) {

    static final long UNBOUNDED = Long.MAX_VALUE;
    private static final long PART = 1_000_000L;

    public static final VersionRange ANY = new VersionRange(0, UNBOUNDED);

    /** {@code [from, below)} written as versions, e.g. {@code between(5, 0, 0, 8, 0, 0)}. */
    public static VersionRange between(int fromMajor, int fromMinor, int fromPatch, int belowMajor, int belowMinor, int belowPatch) {
        return new VersionRange(code(fromMajor, fromMinor, fromPatch), code(belowMajor, belowMinor, belowPatch));
    }

    static VersionRange of(String comparator, List<Integer> parts) {
        long low = code(parts.get(0), parts.size() > 1 ? parts.get(1) : 0, parts.size() > 2 ? parts.get(2) : 0);
        // The first version after every release the partial version covers (6 → 7.0.0, 6.2 → 6.3.0).
        long next = switch (parts.size()) {
            case 1 -> code(parts.get(0) + 1, 0, 0);
            case 2 -> code(parts.get(0), parts.get(1) + 1, 0);
            default -> low + 1;
        };
        return switch (comparator) {
            case ">=" -> new VersionRange(low, UNBOUNDED);
            case ">" -> new VersionRange(next, UNBOUNDED);
            case "<=" -> new VersionRange(0, next);
            case "<" -> new VersionRange(0, low);
            default -> new VersionRange(low, next);
        };
    }

    VersionRange intersect(VersionRange other) {
        return new VersionRange(Math.max(from, other.from), Math.min(below, other.below));
    }

    boolean isEmpty() {
        return from >= below;
    }

    /** Whether every version of this range lies in {@code other}. */
    public boolean within(VersionRange other) {
        return from >= other.from && below <= other.below;
    }

    private static long code(int major, int minor, int patch) {
        return (major * PART + minor) * PART + patch;
    }

    private static String text(long code) {
        return (code / PART / PART) + "." + (code / PART % PART) + "." + (code % PART);
    }

    @Override
    public String toString() {
        if (from == 0 && below == UNBOUNDED) {
            return "any version";
        }
        String low = from == 0 ? "" : ">=" + text(from);
        String high = below == UNBOUNDED ? "" : "<" + text(below);
        return (low + " " + high).strip();
    }
}
