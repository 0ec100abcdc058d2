package io.residency.auditor.collect.s3;

/**
 * Where a bucket's raw S3 answers sit in the bundle: {@code inputs/s3/<account>/<bucket>.json}.
 * Bucket names come from configs too, so anything but the characters S3 allows in a name is
 * escaped: no name can climb out of {@code inputs/s3/}.
 */
public final class S3AnswerFiles {

    /** The folder of buckets read with the default credentials, or listed by no audited account. */
    public static final String DEFAULT_ACCOUNT = "default";

    private S3AnswerFiles() {
    }

    public static String of(String accountId, String bucket) {
        return "inputs/s3/" + safe(accountId == null ? DEFAULT_ACCOUNT : accountId) + "/" + safe(bucket) + ".json";
    }

    private static String safe(String name) {
        StringBuilder safe = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            // A dot is plain only inside a name and never after another: no "..", no hidden file, no ".." before ".json".
            boolean dot = c == '.' && i > 0 && i < name.length() - 1 && name.charAt(i - 1) != '.';
            boolean plain = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || dot;
            safe.append(plain ? String.valueOf(c) : c < 0x80 ? String.format("~%02X", (int) c) : String.format("~u%04X", (int) c));
        }
        return safe.isEmpty() ? "~" : safe.toString();
    }
}
