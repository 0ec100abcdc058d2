package io.residency.auditor.evidence;

import io.residency.auditor.controls.ControlDefinition;
import io.residency.auditor.findings.Finding;
import io.residency.auditor.findings.Status;
import java.io.OutputStream;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes {@code junit.xml} for CI systems: a test suite per control, a test case per control and
 * resource; FAIL and UNVERIFIED are failures (UNVERIFIED is never a pass), WAIVED is skipped with the reason.
 */
public final class JunitWriter {

    public void write(EvidenceModel model, OutputStream out) {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "residency-auditor " + model.run().runId());
            xml.writeAttribute("tests", String.valueOf(model.findings().size()));
            xml.writeAttribute("failures", String.valueOf(model.findings().stream().filter(f -> f.status().isProblem()).count()));
            for (ControlDefinition control : model.controls()) {
                List<Finding> own = model.findings().stream().filter(f -> f.controlId().equals(control.id())).toList();
                xml.writeStartElement("testsuite");
                xml.writeAttribute("name", control.id());
                xml.writeAttribute("tests", String.valueOf(own.size()));
                xml.writeAttribute("failures", String.valueOf(own.stream().filter(f -> f.status().isProblem()).count()));
                xml.writeAttribute("skipped", String.valueOf(own.stream().filter(f -> f.status() == Status.WAIVED).count()));
                for (Finding finding : own) {
                    testCase(xml, finding);
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("junit.xml could not be written", e);
        }
    }

    private static void testCase(XMLStreamWriter xml, Finding finding) throws XMLStreamException {
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", finding.controlId());
        xml.writeAttribute("name", finding.resource());
        switch (finding.status()) {
            case FAIL, UNVERIFIED -> {
                xml.writeStartElement("failure");
                xml.writeAttribute("type", finding.status().name());
                xml.writeAttribute("message", finding.message());
                xml.writeCharacters(finding.status() + " " + finding.severity().label() + " " + finding.region() + ": " + finding.message()
                        + "\nfingerprint " + finding.fingerprint());
                xml.writeEndElement();
            }
            case WAIVED -> {
                xml.writeEmptyElement("skipped");
                xml.writeAttribute("message", "waived: " + finding.evidence().get("waiver_reason"));
            }
            case PASS -> { }
        }
        xml.writeEndElement();
    }
}
