package io.residency.auditor.facts;

/**
 * The raw S3 answers about one bucket, as JSON, and where the bundle keeps them.
 *
 * @param answerFile the bundle path, e.g. {@code inputs/s3/111122223333/logs-eu.json}
 */
public record BucketAnswer(String bucket, String answerFile, byte[] content) {
}
