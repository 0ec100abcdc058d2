package io.residency.auditor.evidence;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Validates a report against a JSON schema committed under src/test/resources/schemas (see SOURCES.md there). */
final class JsonSchemas {

    private JsonSchemas() {
    }

    /** @return each violation as "instance location: message"; empty when the document is valid */
    static List<String> violations(String schemaResource, SpecificationVersion dialect, String document) {
        try (InputStream in = JsonSchemas.class.getResourceAsStream("/schemas/" + schemaResource)) {
            if (in == null) {
                throw new IllegalStateException("no schema " + schemaResource);
            }
            Schema schema = SchemaRegistry.withDefaultDialect(dialect).getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    InputFormat.JSON);
            return schema.validate(document, InputFormat.JSON).stream().map(JsonSchemas::describe).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(Error error) {
        return error.getInstanceLocation() + ": " + error.getMessage();
    }
}
