package io.residency.auditor.evidence.signing;

import io.residency.auditor.evidence.BundleFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signs a finished bundle: an in-toto statement naming every file (subfolders included) with its
 * SHA-256, in a DSSE envelope signed with Ed25519, written last as {@code bundle.dsse.json}.
 */
public final class BundleSigner {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final ObjectMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private BundleSigner() {
    }

    public static void sign(Path bundle, BundlePredicate predicate, SigningKey key) throws IOException {
        List<Map<String, Object>> subjects = BundleFiles.sha256(bundle, Set.of(BundleFiles.ENVELOPE)).entrySet().stream()
                .map(file -> {
                    Map<String, Object> subject = new LinkedHashMap<>();
                    subject.put("name", file.getKey());
                    subject.put("digest", Map.of("sha256", file.getValue()));
                    return subject;
                })
                .toList();
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("_type", BundleStatement.TYPE);
        statement.put("subject", subjects);
        statement.put("predicateType", BundleStatement.PREDICATE_TYPE);
        statement.put("predicate", predicate.toJson());
        byte[] payload = JSON.writeValueAsBytes(statement);

        byte[] sig = Dsse.sign(key.privateKey(), Dsse.IN_TOTO_PAYLOAD_TYPE, payload);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("payloadType", Dsse.IN_TOTO_PAYLOAD_TYPE);
        envelope.put("payload", Base64.getEncoder().encodeToString(payload));
        envelope.put("signatures", List.of(Map.of("keyid", key.keyId(), "sig", Base64.getEncoder().encodeToString(sig))));
        Files.write(bundle.resolve(BundleFiles.ENVELOPE), PRETTY.writeValueAsBytes(envelope));
    }
}
