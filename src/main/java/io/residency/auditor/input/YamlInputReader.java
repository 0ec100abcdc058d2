package io.residency.auditor.input;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Reads a YAML input file into a record and validates it. Every failure becomes an
 * {@link InvalidInputException} naming the file, the line or path, and what was expected.
 */
public final class YamlInputReader {

    private final ObjectMapper mapper = YamlParsers.mapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    private final Validator validator;

    public YamlInputReader(Validator validator) {
        this.validator = validator;
    }

    /**
     * The inputs' validator, made once per process: starting Hibernate Validator costs a run more than
     * using it, and a validator is thread-safe. Messages are literal, so the simple interpolator serves
     * and no expression language is needed.
     */
    public static synchronized Validator sharedValidator() {
        if (sharedValidator == null) {
            sharedValidator = Validation.byDefaultProvider().configure()
                    .messageInterpolator(new ParameterMessageInterpolator())
                    .buildValidatorFactory()
                    .getValidator();
        }
        return sharedValidator;
    }

    private static Validator sharedValidator;

    public <T> T read(String name, byte[] content, Class<T> type, String expected) {
        if (!InputFiles.isUtf8(content)) {
            throw new InvalidInputException(name, "", "not UTF-8 text; expected " + expected);
        }
        T value;
        try {
            value = mapper.readValue(content, type);
        } catch (JacksonException e) {
            throw new InvalidInputException(name, YamlErrors.place(content, e), problem(e), e);
        }
        if (value == null) {
            throw new InvalidInputException(name, "", "file is empty; expected " + expected);
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            ConstraintViolation<T> first = violations.stream()
                    .min(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .orElseThrow();
            throw new InvalidInputException(name, YamlErrors.place(content, pathOf(first.getPropertyPath())),
                    first.getMessage() + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more problems)" : ""));
        }
        return value;
    }

    private static String problem(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds() == null ? "" : unknown.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
            // A key is named only when it looks like one: a file that is not an input never has its content quoted.
            String key = String.valueOf(unknown.getPropertyName());
            String named = key.matches("[A-Za-z0-9_.-]{1,40}") ? "unknown key '" + key + "'" : "an unknown key";
            return named + "; expected one of: " + known;
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            // What was expected, in words; never the value found, which may be anything a wrong file holds.
            return "wrong type of value; expected " + expectedOf(mismatch.getTargetType());
        }
        return YamlErrors.problem(e);
    }

    private static String expectedOf(Class<?> type) {
        if (type == java.time.LocalDate.class) {
            return "a date such as 2027-03-31";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a single value (text)";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a mapping";
        }
        return "a " + type.getSimpleName();
    }

    /**
     * Bean Validation puts a container's key or index on the node after the container, so
     * {@code jurisdictions[EU].regions[1]} arrives as (jurisdictions)(EU: regions)(1: list element).
     */
    private static List<Object> pathOf(jakarta.validation.Path propertyPath) {
        List<Object> path = new ArrayList<>();
        for (jakarta.validation.Path.Node node : propertyPath) {
            if (node.getKey() != null) {
                path.add(String.valueOf(node.getKey()));
            } else if (node.getIndex() != null) {
                path.add(node.getIndex());
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                path.add(name);
            }
        }
        return path;
    }
}
