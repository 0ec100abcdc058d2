package io.residency.auditor.evidence;

import io.residency.auditor.input.SecretRedactor;
import java.util.Map;
import java.util.TreeMap;

/**
 * The raw S3 answers that decided the bucket findings, for the bundle's {@code inputs/s3/}: one
 * JSON file per bucket, under its account, at the path the bucket's findings cite as evidenceRef.
 * They hold S3's answers only (no credentials, no signed URLs, no request ids); redacted as the
 * configs are anyway, in case a tag's key names a secret.
 */
public final class S3AnswerCopies {

    private static final String PREFIX = "inputs/";

    private S3AnswerCopies() {
    }

    /**
     * @param answers bundle path ({@code inputs/s3/<account>/<bucket>.json}) to the answers as recorded
     * @return path inside {@code inputs/} to the bytes to write; a path outside {@code inputs/s3/} is refused
     */
    public static Map<String, byte[]> of(Map<String, byte[]> answers) {
        Map<String, byte[]> files = new TreeMap<>();
        new TreeMap<>(answers).forEach((path, content) -> {
            if (!path.startsWith(PREFIX + "s3/") || path.contains("..") || path.contains("\\")) {
                throw new IllegalStateException("an S3 answer file outside inputs/s3/ was recorded: refused");
            }
            files.put(path.substring(PREFIX.length()), SecretRedactor.redact(content).content());
        });
        return files;
    }
}
