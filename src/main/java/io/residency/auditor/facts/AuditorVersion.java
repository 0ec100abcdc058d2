package io.residency.auditor.facts;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The auditor's version, stamped into the jar by the build, for the evidence of every run. */
public final class AuditorVersion {

    private AuditorVersion() {
    }

    public static String current() {
        try (InputStream in = AuditorVersion.class.getResourceAsStream("/auditor-version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
