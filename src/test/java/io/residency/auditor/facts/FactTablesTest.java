package io.residency.auditor.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FactTablesTest {

    /** Every fact table the migrations create: what a run collected, and so what rejudge must get back. */
    private static List<String> factTablesOfTheSchema() throws IOException {
        Pattern create = Pattern.compile("CREATE TABLE (\\w+_fact)\\b");
        List<String> tables = new ArrayList<>();
        try (Stream<Path> migrations = Files.list(Path.of("sql", "migrations"))) {
            for (Path migration : migrations.sorted().toList()) {
                Matcher matcher = create.matcher(Files.readString(migration));
                while (matcher.find()) {
                    tables.add(matcher.group(1));
                }
            }
        }
        return tables;
    }

    @Test
    void everyFactTableOfTheSchemaIsExportedToTheBundleAndImportedByRejudge() throws IOException {
        List<String> exported = FactTables.ALL.stream().map(FactTables.Table::name).toList();

        assertThat(factTablesOfTheSchema()).hasSizeGreaterThanOrEqualTo(10).allSatisfy(table -> assertThat(exported).contains(table));
    }
}
