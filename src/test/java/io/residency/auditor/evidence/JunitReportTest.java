package io.residency.auditor.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** junit.xml opens with the run's scope: its keys as properties and each check NOT TESTED as a skipped case. */
class JunitReportTest {

    @TempDir
    Path estate;

    @Test
    void theFirstSuiteStatesTheScopeAndSkipsEachCheckNotTestedWithItsReason() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JunitWriter().write(ReportModels.everyStatus(estate), out);
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(out.toByteArray()));

        Element scope = (Element) xml.getElementsByTagName("testsuite").item(0);
        assertThat(scope.getAttribute("name")).isEqualTo("scope");
        assertThat(scope.getAttribute("skipped")).isEqualTo("2");
        NodeList properties = scope.getElementsByTagName("property");
        StringBuilder named = new StringBuilder();
        for (int i = 0; i < properties.getLength(); i++) {
            Element property = (Element) properties.item(i);
            named.append(property.getAttribute("name")).append('=').append(property.getAttribute("value")).append('\n');
        }
        assertThat(named.toString()).contains("signature=signed: bundle.dsse.json, Ed25519 key " + ReportModels.SIGNING_KEY_ID,
                "hashKey=redacted values hashed with a random per-run key 4320e2a01beedad9", "regions=eu-west-1, us-east-1",
                "buckets=2 inspected", "waivers=none");
        Element skipped = (Element) scope.getElementsByTagName("skipped").item(0);
        assertThat(skipped.getAttribute("message")).startsWith("NOT TESTED: no Tempo source in eu-west-1");
    }
}
