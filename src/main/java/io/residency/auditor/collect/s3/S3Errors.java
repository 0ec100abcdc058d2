package io.residency.auditor.collect.s3;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** S3 errors in a few words: the error code and HTTP status, never request ids or signatures. */
final class S3Errors {

    private S3Errors() {
    }

    static String code(S3Exception e) {
        return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? "HTTP " + e.statusCode() : e.awsErrorDetails().errorCode();
    }

    static String describe(SdkException e) {
        if (e instanceof S3Exception s3) {
            return code(s3) + " (HTTP " + s3.statusCode() + ")";
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "cannot reach S3 (" + root.getClass().getSimpleName() + ")";
    }
}
