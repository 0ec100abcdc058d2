package io.residency.auditor.evidence.signing;

import io.residency.auditor.evidence.BundleFiles;
import io.residency.auditor.evidence.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a received bundle: its files against MANIFEST.sha256, its run id, and (given the
 * signer's public key) the DSSE signature and that the signed subjects are exactly the files in the
 * folder. Every check adds a line, so the auditor sees what was checked, not only a verdict.
 */
public final class BundleVerifier {

    static final String OK = "ok    ";
    static final String FAIL = "FAIL  ";
    static final String SKIPPED = "--    ";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Path bundle;
    private final List<String> lines = new ArrayList<>();
    private boolean intact = true;

    private BundleVerifier(Path bundle) {
        this.bundle = bundle;
    }

    /** @param publicKey the signer's key, or {@code null} to check hashes and the file set only */
    public static BundleVerification verify(Path bundle, PublicKey publicKey) throws IOException {
        BundleVerifier verifier = new BundleVerifier(bundle);
        String keyId = publicKey == null ? null : Ed25519Keys.keyId(publicKey);
        verifier.check(publicKey, keyId);
        return new BundleVerification(verifier.lines, verifier.intact, publicKey != null, keyId);
    }

    private void check(PublicKey publicKey, String keyId) throws IOException {
        SortedMap<String, String> files = BundleFiles.sha256(bundle, Set.of(BundleFiles.ENVELOPE));
        if (files.isEmpty()) {
            fail("files: the folder holds no file besides any " + BundleFiles.ENVELOPE + ": not an evidence bundle");
            return;
        }
        ok("files: " + files.size() + " files in the folder and its subfolders (" + BundleFiles.ENVELOPE + " aside)");

        List<String> manifestProblems = Manifest.verify(bundle);
        if (manifestProblems.isEmpty()) {
            ok(Manifest.FILE_NAME + ": lists exactly those files (but itself), every SHA-256 matches");
        } else {
            manifestProblems.forEach(problem -> fail("manifest: " + problem));
        }

        String folderName = bundle.toAbsolutePath().normalize().getFileName().toString();
        String findingsRunId = findingsRunId();
        if (findingsRunId != null) {
            expectSame("run id in findings.json", findingsRunId, "the folder name", folderName);
        }

        if (publicKey == null) {
            lines.add(SKIPPED + "signature NOT checked: no --public-key given ("
                    + (Files.isRegularFile(bundle.resolve(BundleFiles.ENVELOPE)) ? BundleFiles.ENVELOPE + " is present, unchecked)"
                    : "the bundle is unsigned: it has no " + BundleFiles.ENVELOPE + ")"));
            return;
        }
        JsonNode statement = signedStatement(publicKey, keyId);
        if (statement != null) {
            checkStatement(statement, files, folderName, findingsRunId);
        }
    }

    /** @return the statement, only when a signature over it verifies with the key */
    private JsonNode signedStatement(PublicKey publicKey, String keyId) {
        Path envelopeFile = bundle.resolve(BundleFiles.ENVELOPE);
        if (!Files.isRegularFile(envelopeFile)) {
            fail("signature: the bundle is unsigned (no " + BundleFiles.ENVELOPE + "), but a signed bundle was expected (--public-key)");
            return null;
        }
        JsonNode envelope;
        try {
            envelope = JSON.readTree(envelopeFile.toFile());
        } catch (JacksonException e) {
            fail("signature: " + BundleFiles.ENVELOPE + " is not JSON");
            return null;
        }
        String payloadType = envelope.path("payloadType").asString("");
        if (!Dsse.IN_TOTO_PAYLOAD_TYPE.equals(payloadType)) {
            fail("signature: payloadType is '" + payloadType + "', expected " + Dsse.IN_TOTO_PAYLOAD_TYPE);
            return null;
        }
        byte[] payload = base64(envelope.path("payload").asString(""));
        if (payload == null) {
            fail("signature: the payload of " + BundleFiles.ENVELOPE + " is not base64");
            return null;
        }
        List<String> signedBy = new ArrayList<>();
        boolean verified = false;
        for (JsonNode signature : envelope.path("signatures")) {
            signedBy.add(signature.path("keyid").asString("(no keyid)"));
            byte[] sig = base64(signature.path("sig").asString(""));
            // The keyid is an unauthenticated hint (DSSE): every signature is tried against the key.
            if (sig != null && Dsse.verify(publicKey, payloadType, payload, sig)) {
                verified = true;
            }
        }
        if (!verified) {
            fail("signature: no signature in " + BundleFiles.ENVELOPE + " verifies with key " + keyId
                    + (signedBy.isEmpty() ? " (it holds no signature)" : " (it names key " + String.join(", ", signedBy) + ")"));
            return null;
        }
        ok("signature: Ed25519 over the DSSE envelope (PAE) verifies with key " + keyId);
        try {
            return JSON.readTree(payload);
        } catch (JacksonException e) {
            fail("statement: the signed payload is not JSON");
            return null;
        }
    }

    private void checkStatement(JsonNode statement, SortedMap<String, String> files, String folderName, String findingsRunId) {
        if (!BundleStatement.TYPE.equals(statement.path("_type").asString(""))
                || !BundleStatement.PREDICATE_TYPE.equals(statement.path("predicateType").asString(""))) {
            fail("statement: expected _type " + BundleStatement.TYPE + " and predicateType " + BundleStatement.PREDICATE_TYPE);
            return;
        }
        Map<String, String> subjects = new TreeMap<>();
        for (JsonNode subject : statement.path("subject")) {
            subjects.put(subject.path("name").asString(""), subject.path("digest").path("sha256").asString(""));
        }
        int before = lines.size();
        subjects.forEach((name, digest) -> {
            String actual = files.get(name);
            if (actual == null) {
                fail("signed subjects: " + name + " is signed but missing from the folder");
            } else if (!actual.equals(digest)) {
                fail("signed subjects: " + name + " changed since it was signed (SHA-256 " + actual + ", signed " + digest + ")");
            }
        });
        files.keySet().stream().filter(name -> !subjects.containsKey(name))
                .forEach(name -> fail("signed subjects: " + name + " is in the folder but was not signed"));
        if (lines.size() == before) {
            ok("signed subjects: " + subjects.size() + " files, exactly the files in the folder, every SHA-256 matches");
        }
        String signedRunId = statement.path("predicate").path("runId").asString("");
        expectSame("signed run id", signedRunId, "the folder name", folderName);
        if (findingsRunId != null) {
            expectSame("signed run id", signedRunId, "the run id in findings.json", findingsRunId);
        }
    }

    private String findingsRunId() {
        Path findings = bundle.resolve("findings.json");
        if (!Files.isRegularFile(findings)) {
            fail("findings.json: missing; every bundle has one");
            return null;
        }
        try {
            String runId = JSON.readTree(findings.toFile()).path("run").path("id").asString("");
            if (runId.isEmpty()) {
                fail("findings.json: names no run id (run.id)");
                return null;
            }
            return runId;
        } catch (JacksonException e) {
            fail("findings.json: not JSON");
            return null;
        }
    }

    private void expectSame(String what, String value, String other, String otherValue) {
        if (value.equals(otherValue)) {
            ok(what + " " + value + " agrees with " + other);
        } else {
            fail(what + " '" + value + "' differs from " + other + " '" + otherValue + "'");
        }
    }

    /** DSSE allows standard or URL-safe base64, and verifiers must accept either. */
    private static byte[] base64(String text) {
        try {
            return text.contains("-") || text.contains("_") ? Base64.getUrlDecoder().decode(text) : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void ok(String line) {
        lines.add(OK + line);
    }

    private void fail(String line) {
        lines.add(FAIL + line);
        intact = false;
    }
}
