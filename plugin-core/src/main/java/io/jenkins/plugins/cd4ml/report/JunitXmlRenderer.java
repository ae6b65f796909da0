package io.jenkins.plugins.cd4ml.report;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML (the Ant/Surefire schema Jenkins' JUnit plugin reads): one test case per check;
 * FAILED and UNSTABLE checks are failures, ERROR checks are errors.
 */
public final class JunitXmlRenderer {
    private JunitXmlRenderer() {
    }

    /**
     * @param document the report
     * @param suiteName the test suite's name, e.g. {@code cd4ml.validate}
     * @return the XML document
     */
    public static String render(ReportDocument document, String suiteName) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", clean(suiteName));
            xml.writeAttribute("tests", Integer.toString(document.outcomes().size()));
            xml.writeAttribute("failures", Long.toString(document.count(CheckStatus.FAILED)
                    + document.count(CheckStatus.UNSTABLE)));
            xml.writeAttribute("errors", Long.toString(document.count(CheckStatus.ERROR)));
            xml.writeAttribute("skipped", "0");
            xml.writeCharacters("\n");
            for (CheckOutcome outcome : document.outcomes()) {
                xml.writeCharacters("  ");
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", clean(suiteName + "." + outcome.group()));
                xml.writeAttribute("name", clean(outcome.name()));
                String message = clean("observed " + outcome.observed() + "; expected " + outcome.threshold());
                switch (outcome.status()) {
                    case FAILED, UNSTABLE -> {
                        xml.writeStartElement("failure");
                        xml.writeAttribute("type", outcome.status().name());
                        xml.writeAttribute("message", message);
                        xml.writeCharacters(clean(message + (outcome.detail().isEmpty() ? "" : "\n" + outcome.detail())));
                        xml.writeEndElement();
                    }
                    case ERROR -> {
                        xml.writeStartElement("error");
                        xml.writeAttribute("type", "ERROR");
                        xml.writeAttribute("message", clean(outcome.detail()));
                        xml.writeCharacters(clean(outcome.detail()));
                        xml.writeEndElement();
                    }
                    default -> xml.writeCharacters(" ");
                }
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
        return text.toString();
    }

    /** Replaces characters XML 1.0 cannot carry, even escaped, by U+FFFD. */
    static String clean(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            boolean allowed = c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c <= 0xD7FF
                    || c >= 0xE000 && c <= 0xFFFD || pair;
            if (pair) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
            } else if (!allowed) {
                if (out == null) {
                    out = new StringBuilder(text.substring(0, i));
                }
                out.append('\uFFFD');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
