package io.residency.auditor.facts;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSetMetaData;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads every fact table of one run as JSON Lines, rows sorted by natural key and values as stored
 * (the collectors already redacted or hashed what must not be kept), so the same run exports the same bytes.
 */
@Component
public class FactExporter {

    private final JdbcClient jdbc;
    private final ObjectMapper json = JsonMapper.builder().build();

    public FactExporter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** File name (e.g. {@code storage_fact.jsonl}) to its content, in {@link FactTables#ALL} order. */
    public Map<String, byte[]> export(String runId) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (FactTables.Table table : FactTables.ALL) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            jdbc.sql("SELECT * FROM " + table.name() + " WHERE run_id = :run ORDER BY " + String.join(", ", table.key()))
                    .param("run", runId)
                    .query(row -> {
                        ResultSetMetaData meta = row.getMetaData();
                        Map<String, Object> values = new LinkedHashMap<>();
                        for (int column = 1; column <= meta.getColumnCount(); column++) {
                            values.put(meta.getColumnLabel(column).toLowerCase(Locale.ROOT), value(row.getObject(column)));
                        }
                        out.writeBytes(json.writeValueAsBytes(values));
                        out.write('\n');
                    });
            files.put(table.file(), out.toByteArray());
        }
        return files;
    }

    /** Numbers and booleans stay typed; a timestamp is written as the database reads it back. */
    private static Object value(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toString();
        }
        return String.valueOf(value);
    }
}
