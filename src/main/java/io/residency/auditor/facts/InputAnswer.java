package io.residency.auditor.facts;

import io.residency.auditor.input.SecretRedactor;
import io.residency.auditor.input.Sha256;
import java.util.List;

/**
 * One answer a run received from a live source, with secrets redacted in place as it is recorded
 * (same lines), so no secret reaches the database or the bundle, and where the bundle keeps it.
 *
 * @param answerFile   the bundle path, always under {@code inputs/}, e.g. {@code inputs/s3/111122223333/logs-eu.json}
 * @param content      the answer as received (as far as read when cut off), redacted
 * @param sha256AsRead the SHA-256 of the bytes as received, before redaction
 * @param redactions   what was removed (line, kind; never the value)
 */
public record InputAnswer(String answerFile, byte[] content, String sha256AsRead, List<SecretRedactor.Redaction> redactions) {

    public InputAnswer {
        if (!answerFile.startsWith(AnswerFiles.INPUTS) || answerFile.contains("..") || answerFile.contains("\\")) {
            throw new IllegalArgumentException("an answer file outside inputs/: " + answerFile);
        }
        redactions = List.copyOf(redactions);
    }

    /** An answer as received: redacted here, before it is kept anywhere. */
    public static InputAnswer received(String answerFile, byte[] received) {
        SecretRedactor.Redacted redacted = SecretRedactor.redact(received);
        return new InputAnswer(answerFile, redacted.content(), Sha256.hex(received), redacted.redactions());
    }
}
