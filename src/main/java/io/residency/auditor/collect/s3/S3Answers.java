package io.residency.auditor.collect.s3;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.exception.SdkException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The raw answers S3 gave about one bucket, operation by operation, in S3's own element names
 * (LocationConstraint, Rule, Expiration, ...), or the error code and HTTP status it answered.
 * Response metadata (request ids, headers) is left out, and so is anything an error message says:
 * the bundle keeps what decided the findings, never credentials or signed URLs.
 */
final class S3Answers {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Map<String, Object> answers = new LinkedHashMap<>();
    private final Map<String, Object> destinations = new TreeMap<>();

    void answered(String operation, SdkPojo response) {
        answers.put(operation, fields(response));
    }

    /** An answer already converted (a cached location, or its error). */
    void recorded(String operation, Object answer) {
        answers.put(operation, answer);
    }

    void failed(String operation, SdkException e) {
        answers.put(operation, error(e));
    }

    /** Where a replication destination is, as GetBucketLocation answered it: it decided the rule's finding. */
    void destination(String bucket, Object answer) {
        destinations.put(bucket, answer);
    }

    static Object answer(SdkPojo response) {
        return fields(response);
    }

    static Object error(SdkException e) {
        Map<String, Object> error = new LinkedHashMap<>();
        if (e instanceof AwsServiceException aws) {
            error.put("Code", S3Errors.code(aws));
            error.put("HttpStatus", aws.statusCode());
        } else {
            error.put("Code", S3Errors.describe(e));
        }
        return Map.of("Error", error);
    }

    byte[] toJson(String account, String bucket) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("bucket", bucket);
        document.put("account", account);
        document.put("answers", answers);
        if (!destinations.isEmpty()) {
            document.put("replicationDestinations", Map.of("GetBucketLocation", destinations));
        }
        return JSON.writeValueAsString(document).getBytes(StandardCharsets.UTF_8);
    }

    private static Object fields(SdkPojo pojo) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = value(field.getValueOrDefault(pojo));
            if (value != null) {
                map.put(field.locationName() != null ? field.locationName() : field.memberName(), value);
            }
        }
        return map;
    }

    private static Object value(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof SdkPojo pojo) {
            return fields(pojo);
        }
        if (value instanceof Collection<?> items) {
            if (items.getClass().getSimpleName().startsWith("SdkAutoConstruct")) {
                return null; // a list S3 did not send
            }
            List<Object> list = new ArrayList<>();
            items.forEach(item -> list.add(value(item)));
            return list;
        }
        if (value instanceof Map<?, ?> entries) {
            Map<String, Object> map = new TreeMap<>();
            entries.forEach((k, v) -> map.put(String.valueOf(k), value(v)));
            return map;
        }
        if (value instanceof Instant || value instanceof Enum<?>) {
            return value.toString();
        }
        return value instanceof Number || value instanceof Boolean ? value : String.valueOf(value);
    }
}
