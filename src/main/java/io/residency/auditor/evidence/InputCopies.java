package io.residency.auditor.evidence;

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
 * and {@code redactions.json}, which lists every removal (file, line, kind; never the value) and,
 * per file, the SHA-256 of the content as the run read it (the hash the run recorded) and of the
 * copy in the bundle (the hash the manifest covers).
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
        StringBuilder name = new StringBuilder("sources/");
        for (String segment : sourceId.split("/", -1)) {
            StringBuilder safe = new StringBuilder();
            for (char c : segment.toCharArray()) {
                safe.append(Character.isLetterOrDigit(c) && c < 0x80 || c == '-' || c == '_' || c == '.' ? String.valueOf(c)
                        : String.format("~%02X", (int) c & 0xff));
            }
            String part = safe.toString().replace("..", "~2E~2E");
            name.append(part.isEmpty() ? "~" : part).append('/');
        }
        return name.substring(0, name.length() - 1) + ".yaml";
    }

    /**
     * @param policy  the policy's bytes, kept as they are: rejudge reads it and the run's hash must hold
     * @param waivers {@code null} when the run had none
     * @param sources source id to the bytes the run read
     */
    public static Map<String, byte[]> of(byte[] estate, byte[] policy, byte[] waivers, Map<String, byte[]> sources) {
        Map<String, byte[]> files = new TreeMap<>();
        List<Map<String, Object>> redactions = new ArrayList<>();
        List<Map<String, Object>> hashes = new ArrayList<>();
        redacted(files, redactions, hashes, ESTATE, estate);
        files.put(POLICY, policy);
        hashes.add(hashes(POLICY, policy, policy));
        if (waivers != null) {
            files.put(WAIVERS, waivers);
            hashes.add(hashes(WAIVERS, waivers, waivers));
        }
        new TreeMap<>(sources).forEach((id, bytes) -> redacted(files, redactions, hashes, sourceFile(id), bytes));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("note", "Secrets were replaced in place by " + SecretRedactor.MARKER + "; lines are unchanged. "
                + "sha256AsRead is the hash the run recorded (source_fact.content_sha256, the estate hash); "
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
        hashes.add(hashes(name, content, redacted.content()));
        for (SecretRedactor.Redaction each : redacted.redactions()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("file", "inputs/" + name);
            entry.put("line", each.line());
            entry.put("kind", each.kind());
            redactions.add(entry);
        }
    }

    private static Map<String, Object> hashes(String name, byte[] read, byte[] kept) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("file", "inputs/" + name);
        entry.put("sha256AsRead", Sha256.hex(read));
        entry.put("sha256InBundle", Sha256.hex(kept));
        return entry;
    }
}
