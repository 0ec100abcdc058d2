package io.residency.auditor.collect.series;

import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value detectors the policy can name: email (also inside paths and URLs), ipv4, ipv6,
 * e164-phone, payment-card (Luhn-checked) and iban (mod-97-checked). Checksums keep build ids and
 * timestamps from being mistaken for cards or accounts.
 */
public final class ValueDetectors {

    /**
     * How much of a value the detectors examine. Label values longer than this are not real names or
     * identifiers; only their first part is examined and the caller reports them as not examined in
     * full, so an over-long value never passes silently.
     */
    public static final int MAX_EXAMINED_LENGTH = 4096;

    /** The names the policy may use, in the order the documentation lists them. */
    public static final List<String> NAMES = io.residency.auditor.policy.PiiDetection.DETECTORS;

    private ValueDetectors() {
    }

    public static boolean overLong(String value) {
        return value.length() > MAX_EXAMINED_LENGTH;
    }

    public static List<ValueDetector> named(List<String> names) {
        List<ValueDetector> detectors = new ArrayList<>();
        for (String name : names) {
            detectors.add(switch (name) {
                case "email" -> regex("email", "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]++@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}", m -> true,
                        ValueDetectors::redactEmail);
                case "ipv4" -> regex("ipv4", "(?<![0-9.])(?:(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)(?![0-9.])",
                        m -> true, m -> m.substring(0, m.indexOf('.')) + ".***.***.***");
                case "ipv6" -> regex("ipv6", "(?<![0-9A-Fa-f:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![0-9A-Fa-f:])",
                        ValueDetectors::isIpv6, m -> m.substring(0, m.indexOf(':')) + ":***");
                case "e164-phone" -> regex("e164-phone", "(?<![\\w+])\\+[1-9]\\d{7,14}(?!\\d)", m -> true,
                        m -> m.substring(0, 3) + "*".repeat(m.length() - 5) + m.substring(m.length() - 2));
                case "payment-card" -> regex("payment-card", "(?<!\\d)(?:\\d[ -]?){12,18}\\d(?!\\d)", ValueDetectors::luhn,
                        m -> "****" + digits(m).substring(digits(m).length() - 4));
                case "iban" -> regex("iban", "(?<![A-Z0-9])[A-Z]{2}\\d{2}(?: ?[A-Z0-9]){11,30}(?![A-Z0-9])", ValueDetectors::ibanChecksum,
                        m -> m.replace(" ", "").substring(0, 4) + "****");
                default -> throw new IllegalArgumentException("unknown value detector '" + name
                        + "'; expected email, ipv4, ipv6, e164-phone, payment-card or iban");
            });
        }
        return detectors;
    }

    private static ValueDetector regex(String name, String pattern, Predicate<String> check, Function<String, String> redactor) {
        Pattern compiled = Pattern.compile(pattern);
        return new ValueDetector() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<String> find(String value) {
                // Each pattern starts only where a candidate can start (a look-behind on the run) and has
                // bounded repetition, so a search is linear; the window bounds it further.
                Matcher matcher = compiled.matcher(value).region(0, Math.min(value.length(), MAX_EXAMINED_LENGTH));
                while (matcher.find()) {
                    if (check.test(matcher.group())) {
                        return Optional.of(matcher.group());
                    }
                }
                return Optional.empty();
            }

            @Override
            public String redact(String match) {
                return redactor.apply(match);
            }
        };
    }

    /** {@code alice.smith@example.com} → {@code a***@e***.com}. */
    static String redactEmail(String email) {
        int at = email.indexOf('@');
        int dot = email.lastIndexOf('.');
        return email.charAt(0) + "***@" + email.charAt(at + 1) + "***" + email.substring(dot);
    }

    /**
     * A valid IPv6 literal that is not a time such as 12:30:45: it has a "::", all eight groups, or
     * a hex letter. Only hex digits and colons reach the parser, so it never looks a name up.
     */
    private static boolean isIpv6(String candidate) {
        boolean shaped = candidate.contains("::") || candidate.chars().filter(c -> c == ':').count() == 7
                || candidate.toLowerCase(Locale.ROOT).chars().anyMatch(c -> c >= 'a' && c <= 'f');
        if (!shaped) {
            return false;
        }
        try {
            return InetAddress.getByName(candidate) instanceof Inet6Address;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    static boolean luhn(String candidate) {
        String digits = digits(candidate);
        if (digits.length() < 13 || digits.length() > 19) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    static boolean ibanChecksum(String candidate) {
        String iban = candidate.replace(" ", "");
        if (iban.length() < 15 || iban.length() > 34) {
            return false;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder numeric = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            numeric.append(Character.isLetter(c) ? String.valueOf(c - 'A' + 10) : String.valueOf(c));
        }
        return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    private static String digits(String value) {
        return value.replaceAll("\\D", "");
    }
}
