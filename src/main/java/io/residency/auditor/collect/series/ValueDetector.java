package io.residency.auditor.collect.series;

import java.util.Optional;

/** Recognises one kind of personal data in a label value, and redacts what it found. */
public interface ValueDetector {

    String name();

    /** @return the matched part of the value, or empty when the value holds no such data */
    Optional<String> find(String value);

    /** A form that shows the shape of a match but not its content, e.g. {@code a***@e***.com}. */
    String redact(String match);
}
