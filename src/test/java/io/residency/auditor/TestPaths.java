package io.residency.auditor;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Locates test fixtures and the demo estate. */
public final class TestPaths {

    private TestPaths() {
    }

    public static Path resource(String name) {
        try {
            return Path.of(TestPaths.class.getResource("/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("no test resource " + name, e);
        }
    }

    public static Path demoEstate() {
        return Path.of("src/demo/estate/estate.yaml").toAbsolutePath();
    }
}
