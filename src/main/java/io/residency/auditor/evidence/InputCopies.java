package io.residency.auditor.evidence;

import io.residency.auditor.facts.AnswerFiles;
import io.residency.auditor.facts.InputAnswer;
import io.residency.auditor.input.Sha256;
import io.residency.auditor.input.SecretRedactor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bundle's {@code inputs/}: the estate and each config source with secrets redacted in place
 * (same lines, so a finding's line still points at its setting), the policy and waivers as judged,
 * every answer a live source gave the run as the run recorded it (the text of url: and k8s: sources,
 * component API answers, raw S3 and querier answers; redacted when recorded), and
 * {@code redactions.json}, which lists every removal (file, line, kind; never the value) and, per
 * file, the SHA-256 of the content as the run read it (the hash the run recorded) and of the copy in
 * the bundle (the hash the manifest covers).
 */
public final class InputCopies {

    public static final String ESTATE = "estate.yaml";
    public static final String POLICY = "policy.yaml";
    public static final String WAIVERS = "waivers.yaml";
    public static final String REDACTIONS = "redactions.json";

    private InputCopies() {
    }

    /** Where a config source's copy sits under {@code inputs/}, from its id alone, so a finding can name it. */
    public static String sourceFile(String sourceId) {
        return AnswerFiles.sourceCopy(sourceId).substring(AnswerFiles.INPUTS.length());
    }

    /**
     * @param policy  the policy's bytes, kept as they are: rejudge reads it and the run's hash must hold
     * @param waivers {@code null} when the run had none
     * @param sources source id to the bytes the run read, for the file sources read again from disk
     * @param answers what live sources answered, as recorded (already redacted)
     */
    public static Map<String, byte[]> of(byte[] estate, byte[] policy, byte[] waivers, Map<String, byte[]> sources,
                                         List<InputAnswer> answers) {
        Map<String, byte[]> files = new TreeMap<>();
        List<Map<String, Object>> redactions = new ArrayList<>();
        List<Map<String, Object>> hashes = new ArrayList<>();
        redacted(files, redactions, hashes, ESTATE, estate);
        files.put(POLICY, policy);
        hashes.add(hashes(POLICY, Sha256.hex(policy), policy));
        if (waivers != null) {
            files.put(WAIVERS, waivers);
            hashes.add(hashes(WAIVERS, Sha256.hex(waivers), waivers));
        }
        new TreeMap<>(sources).forEach((id, bytes) -> redacted(files, redactions, hashes, sourceFile(id), bytes));
        for (InputAnswer answer : answers) {
            String name = answer.answerFile().substring(AnswerFiles.INPUTS.length());
            if (files.containsKey(name)) {
                throw new IllegalStateException("two inputs were recorded at " + answer.answerFile());
            }
            // Redacted when recorded; redacted again, so an answer recorded before that rule is covered too.
            SecretRedactor.Redacted again = SecretRedactor.redact(answer.content());
            files.put(name, again.content());
            hashes.add(hashes(name, answer.sha256AsRead(), again.content()));
            java.util.stream.Stream.concat(answer.redactions().stream(), again.redactions().stream())
                    .forEach(each -> redactions.add(redaction(name, each)));
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("note", "Secrets were replaced in place by " + SecretRedactor.MARKER + "; lines are unchanged. "
                + "sha256AsRead is the hash of the bytes as the run received them (source_fact.content_sha256, the estate hash); "
                + "sha256InBundle is the hash of the copy here, which MANIFEST.sha256 covers.");
        document.put("files", hashes);
        document.put("redactions", redactions);
        files.put(REDACTIONS, JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsBytes(document));
        return files;
    }

    private static void redacted(Map<String, byte[]> files, List<Map<String, Object>> redactions, List<Map<String, Object>> hashes,
                                 String name, byte[] content) {
        SecretRedactor.Redacted redacted = SecretRedactor.redact(content);
        files.put(name, redacted.content());
        hashes.add(hashes(name, Sha256.hex(content), redacted.content()));
        for (SecretRedactor.Redaction each : redacted.redactions()) {
            redactions.add(redaction(name, each));
        }
    }

    private static Map<String, Object> redaction(String name, SecretRedactor.Redaction each) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("file", "inputs/" + name);
        entry.put("line", each.line());
        entry.put("kind", each.kind());
        return entry;
    }

    private static Map<String, Object> hashes(String name, String sha256AsRead, byte[] kept) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("file", "inputs/" + name);
        entry.put("sha256AsRead", sha256AsRead);
        entry.put("sha256InBundle", Sha256.hex(kept));
        return entry;
    }
}
