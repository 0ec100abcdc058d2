package io.residency.auditor.input;

/**
 * An input file (policy, estate, waivers) that cannot be used. The message always names the file,
 * the place inside it and what was expected, so the CLI can print it as is and exit 2.
 */
public class InvalidInputException extends RuntimeException {

    private final String file;

    public InvalidInputException(String file, String place, String problem) {
        this(file, place, problem, null);
    }

    public InvalidInputException(String file, String place, String problem, Throwable cause) {
        super(file + (place == null || place.isEmpty() ? "" : ": " + place) + ": " + problem, cause);
        this.file = file;
    }

    public String file() {
        return file;
    }
}
