package io.residency.auditor.evidence;

import io.residency.auditor.controls.ControlDefinition;
import io.residency.auditor.findings.Finding;
import io.residency.auditor.findings.NotTested;
import io.residency.auditor.findings.Status;
import io.residency.auditor.text.SafeText;
import java.io.OutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes {@code junit.xml} for CI systems: a test suite per control, a test case per control and
 * resource; FAIL and UNVERIFIED are failures (UNVERIFIED is never a pass), WAIVED is skipped with the reason.
 * It opens with a {@code scope} suite: the run's scope statement as properties (what was examined,
 * the signing and hash key ids) and each check NOT TESTED as a skipped test case with the reason.
 */
public final class JunitWriter {

    /** Counts come from the database's tallies, test cases from each control's findings as they are read: none is held. */
    public void write(EvidenceModel model, OutputStream out) {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "residency-auditor " + model.run().runId());
            StatusCounts all = model.findings().counts();
            xml.writeAttribute("tests", String.valueOf(all.total()));
            xml.writeAttribute("failures", String.valueOf(all.problems()));
            scope(xml, model);
            for (ControlDefinition control : model.controls()) {
                StatusCounts own = model.findings().countsOf(control.id());
                xml.writeStartElement("testsuite");
                xml.writeAttribute("name", control.id());
                xml.writeAttribute("tests", String.valueOf(own.total()));
                xml.writeAttribute("failures", String.valueOf(own.problems()));
                xml.writeAttribute("skipped", String.valueOf(own.count(Status.WAIVED)));
                model.findings().forEachOfControl(control.id(), finding -> testCase(xml, finding));
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("junit.xml could not be written", e);
        }
    }

    private static void scope(XMLStreamWriter xml, EvidenceModel model) throws XMLStreamException {
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", "scope");
        xml.writeAttribute("tests", String.valueOf(model.notTested().size()));
        xml.writeAttribute("failures", "0");
        xml.writeAttribute("skipped", String.valueOf(model.notTested().size()));
        xml.writeStartElement("properties");
        for (ScopeStatement.Line line : ScopeStatement.of(model)) {
            xml.writeEmptyElement("property");
            xml.writeAttribute("name", line.key());
            xml.writeAttribute("value", SafeText.escapeForDocument(line.text())); // XML cannot hold control characters
        }
        xml.writeEndElement();
        for (NotTested entry : model.notTested()) {
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", entry.control());
            xml.writeAttribute("name", "NOT TESTED " + entry.region());
            xml.writeEmptyElement("skipped");
            xml.writeAttribute("message", SafeText.escapeForDocument("NOT TESTED: " + entry.reason()));
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static void testCase(XMLStreamWriter xml, Finding finding) {
        try {
            writeTestCase(xml, finding);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("junit.xml could not be written", e);
        }
    }

    private static void writeTestCase(XMLStreamWriter xml, Finding finding) throws XMLStreamException {
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
