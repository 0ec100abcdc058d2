package io.residency.auditor.facts;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads a bundle's {@code facts/} back into the fact tables, for a re-performance on an empty
 * database. Only the tables of {@link FactTables} and plain column names reach SQL; every row must
 * belong to the one run the bundle is of.
 */
@Component
public class FactImporter {

    private static final Pattern COLUMN = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final JdbcClient jdbc;
    private final ObjectMapper json = JsonMapper.builder().build();

    public FactImporter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return rows imported per table file; a table whose file is missing imports nothing */
    public Map<String, Integer> importRun(Path factsDir, String runId) throws IOException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (FactTables.Table table : FactTables.ALL) {
            Path file = factsDir.resolve(table.file());
            if (!Files.isRegularFile(file)) {
                continue;
            }
            int rows = 0;
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (!line.isBlank()) {
                        insert(table, json.readValue(line, new TypeReference<LinkedHashMap<String, Object>>() { }), runId);
                        rows++;
                    }
                }
            }
            counts.put(table.file(), rows);
        }
        return counts;
    }

    private void insert(FactTables.Table table, Map<String, Object> row, String runId) {
        if (!Objects.equals(row.get("run_id"), runId)) {
            throw new IllegalArgumentException(table.file() + " holds a row of run " + row.get("run_id") + ", not of run " + runId);
        }
        List<String> columns = new ArrayList<>(row.keySet());
        for (String column : columns) {
            if (!COLUMN.matcher(column).matches()) {
                throw new IllegalArgumentException(table.file() + " names a column that cannot be one: " + column);
            }
        }
        String sql = "INSERT INTO " + table.name() + " (" + String.join(", ", columns) + ") VALUES ("
                + columns.stream().map(c -> ":" + c).collect(Collectors.joining(", ")) + ")";
        JdbcClient.StatementSpec statement = jdbc.sql(sql);
        for (String column : columns) {
            statement = statement.param(column, row.get(column));
        }
        statement.update();
    }
}
