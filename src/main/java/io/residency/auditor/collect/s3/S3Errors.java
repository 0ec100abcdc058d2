package io.residency.auditor.collect.s3;

import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** AWS errors in a few words: the error code and HTTP status, never request ids, signatures or credentials. */
final class S3Errors {

    /** The codes AWS answers when the caller's policy (or the resource's) does not allow the call. */
    private static final Set<String> DENIED = Set.of("AccessDenied", "AccessDeniedException", "AllAccessDisabled",
            "AuthorizationError", "UnauthorizedOperation", "InvalidAccessKeyId", "SignatureDoesNotMatch", "ExpiredToken");

    private S3Errors() {
    }

    static String code(AwsServiceException e) {
        return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? "HTTP " + e.statusCode() : e.awsErrorDetails().errorCode();
    }

    static boolean denied(SdkException e) {
        return e instanceof AwsServiceException aws && (DENIED.contains(code(aws)) || aws.statusCode() == 403);
    }

    static String describe(SdkException e) {
        return describe(e, "S3");
    }

    /** @param service the service named when it could not be reached (S3, STS, Organizations) */
    static String describe(SdkException e, String service) {
        if (e instanceof AwsServiceException aws) {
            return code(aws) + " (HTTP " + aws.statusCode() + ")";
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "cannot reach " + service + " (" + root.getClass().getSimpleName() + ")";
    }

    /** The error, and when access was denied the IAM action the audit role lacks, so the fix is in the message. */
    static String describe(SdkException e, String operation, String permission) {
        return operation + ": " + describe(e) + (denied(e) ? "; the audit role needs " + permission : "");
    }
}
