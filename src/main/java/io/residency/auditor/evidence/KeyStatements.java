package io.residency.auditor.evidence;

import io.residency.auditor.facts.RunKeys;
import java.util.LinkedHashMap;
import java.util.Map;

/** How every report names the keys of a run: by id, never the key, and what that means for the reader. */
public final class KeyStatements {

    private KeyStatements() {
    }

    public static String signature(RunKeys keys) {
        return keys.signed()
                ? "signed: " + BundleFiles.ENVELOPE + ", Ed25519 key " + keys.signingKeyId()
                : "UNSIGNED: no signing key was given; the manifest alone does not show who wrote the bundle";
    }

    public static String hmacKey(RunKeys keys) {
        if (keys.hmacKeyId() == null) {
            return "no value was hashed in this run (the series scan did not run)";
        }
        return keys.hmacComparable()
                ? "redacted values hashed with HMAC key " + keys.hmacKeyId() + " (RESIDENCY_HMAC_KEY): comparable with runs of the same key id"
                : "redacted values hashed with a random per-run key " + keys.hmacKeyId()
                        + " (RESIDENCY_HMAC_KEY not set): hashes are per-run and NOT comparable across runs";
    }

    /** For the PDF run facts. */
    public static Map<String, String> forReport(RunKeys keys) {
        Map<String, String> view = new LinkedHashMap<>();
        view.put("signature", signature(keys));
        view.put("hmac", hmacKey(keys));
        return view;
    }

    /** findings.json {@code run.signature}. */
    static Map<String, Object> signatureJson(RunKeys keys) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", keys.signed() ? "signed" : "unsigned");
        json.put("keyId", keys.signingKeyId());
        json.put("envelope", keys.signed() ? BundleFiles.ENVELOPE : null);
        return json;
    }

    /** findings.json {@code run.hmacKey}. */
    static Map<String, Object> hmacKeyJson(RunKeys keys) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", keys.hmacKeyId());
        json.put("comparableAcrossRuns", keys.hmacKeyId() != null && keys.hmacComparable());
        json.put("note", hmacKey(keys));
        return json;
    }
}
