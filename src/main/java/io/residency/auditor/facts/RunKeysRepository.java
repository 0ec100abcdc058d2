package io.residency.auditor.facts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Records which keys a run used (their ids only) on its audit_run row. */
@Repository
public class RunKeysRepository {

    private final JdbcClient jdbc;

    public RunKeysRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param keyId {@code null} when the bundle is not signed */
    public void recordSigningKey(String runId, String keyId) {
        jdbc.sql("UPDATE audit_run SET signing_key_id = ? WHERE run_id = ?").params(keyId, runId).update();
    }

    public void recordHmacKey(String runId, String keyId, boolean comparableAcrossRuns) {
        jdbc.sql("UPDATE audit_run SET hmac_key_id = ?, hmac_key_comparable = ? WHERE run_id = ?")
                .params(keyId, comparableAcrossRuns, runId).update();
    }

    public RunKeys find(String runId) {
        return jdbc.sql("SELECT signing_key_id, hmac_key_id, hmac_key_comparable FROM audit_run WHERE run_id = ?")
                .param(runId)
                .query((row, index) -> new RunKeys(trim(row.getString(1)), trim(row.getString(2)), row.getBoolean(3)))
                .optional()
                .orElse(RunKeys.NONE);
    }

    /** CHAR columns may come back space-padded on some databases. */
    private static String trim(String value) {
        return value == null ? null : value.trim();
    }
}
