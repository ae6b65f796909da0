package io.jenkins.plugins.cd4ml.gpu.discovery;

import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The only way gpu-agent parses XML: no external entities, no external DTD, no network or file
 * access, entity expansion limited. nvidia-smi's output names a DTD ({@code nvsmi_device_v12.dtd})
 * in its DOCTYPE, so DOCTYPEs are accepted but never loaded.
 */
public final class SafeXml {
    private SafeXml() {
    }

    /**
     * @param xml the document
     * @return the parsed document
     * @throws SAXException if it is not well-formed
     */
    public static Document parse(String xml) throws SAXException {
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            // Belt and braces: even if a feature above were ignored, nothing external is read.
            builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException("XML parser cannot be configured safely", e);
        }
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(false);
        factory.setValidating(false);
        return factory;
    }
}
