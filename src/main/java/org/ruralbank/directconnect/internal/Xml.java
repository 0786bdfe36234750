package org.ruralbank.directconnect.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Hardened XML reading and schema validation. No DOCTYPE is accepted at all (which rules out external entities
 * and entity expansion), no external schema or DTD is ever fetched, XInclude is off and the JDK's secure
 * processing limits apply. Schemas come from the application's own {@code iso20022/} resources.
 */
public final class Xml {

    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private Xml() {}

    /** Input that is not acceptable XML; the message says where and why, for a problem response. */
    public static final class BadXml extends Exception {
        private final String kind;

        public BadXml(String kind, String message) {
            super(message);
            this.kind = kind;
        }

        /** {@code malformed}, {@code forbidden-construct}, {@code wrong-namespace} or {@code schema-invalid}. */
        public String kind() {
            return kind;
        }
    }

    public static Document parse(byte[] body) throws BadXml {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(SILENT);
            b.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not allowed");
            });
            return b.parse(new ByteArrayInputStream(body));
        } catch (SAXParseException e) {
            // the refused DOCTYPE is named in every language the parser speaks; any other failure (a truncated
            // body, an undeclared entity reference, which no DOCTYPE can declare) is a malformed document
            String m = String.valueOf(e.getMessage());
            String kind = m.contains("DOCTYPE") ? "forbidden-construct" : "malformed";
            throw new BadXml(kind, "line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + m);
        } catch (SAXException e) {
            throw new BadXml("forbidden-construct", String.valueOf(e.getMessage()));
        } catch (IOException | ParserConfigurationException e) {
            throw new BadXml("malformed", String.valueOf(e.getMessage()));
        }
    }

    /** Validates against {@code iso20022/<name>.xsd}; the message names the first error's line and column. */
    public static void validate(byte[] body, String name) throws BadXml {
        List<String> errors = new ArrayList<>();
        try {
            Validator v = schema(name).newValidator();
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            v.setErrorHandler(collecting(errors));
            // the body already parsed without a DOCTYPE; validating its bytes gives line and column numbers
            v.validate(new StreamSource(new java.io.ByteArrayInputStream(body)));
        } catch (SAXException | IOException e) {
            errors.add(String.valueOf(e.getMessage()));
        }
        if (!errors.isEmpty()) {
            throw new BadXml("schema-invalid", "not a valid " + name + " message: " + errors.get(0));
        }
    }

    /** Validates XML text we produce; a failure is a programming error. */
    public static String checked(String xml, String name) {
        try {
            Validator v = schema(name).newValidator();
            v.validate(new StreamSource(new StringReader(xml)));
            return xml;
        } catch (SAXException | IOException e) {
            throw new IllegalStateException("generated " + name + " does not validate: " + e.getMessage(), e);
        }
    }

    public static Schema schema(String name) {
        return SCHEMAS.computeIfAbsent(name, n -> {
            try {
                SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
                f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
                URL url = Xml.class.getResource("/iso20022/" + n + ".xsd");
                if (url == null) {
                    throw new IllegalArgumentException("no schema iso20022/" + n + ".xsd");
                }
                return f.newSchema(new StreamSource(url.openStream(), url.toString()));
            } catch (SAXException | IOException e) {
                throw new IllegalStateException("cannot load schema " + n, e);
            }
        });
    }

    /** The first child element with this local name, or null. */
    public static @Nullable Element child(Element parent, String... path) {
        Element e = parent;
        for (String name : path) {
            if (e == null) {
                return null;
            }
            Element found = null;
            for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element c && name.equals(c.getLocalName())) {
                    found = c;
                    break;
                }
            }
            e = found;
        }
        return e;
    }

    public static List<Element> children(Element parent, String name) {
        List<Element> list = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && name.equals(c.getLocalName())) {
                list.add(c);
            }
        }
        return list;
    }

    public static @Nullable String text(Element parent, String... path) {
        Element e = child(parent, path);
        return e == null ? null : e.getTextContent().trim();
    }

    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private static ErrorHandler collecting(List<String> errors) {
        return new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {}

            @Override
            public void error(SAXParseException e) {
                errors.add("line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        };
    }
}
