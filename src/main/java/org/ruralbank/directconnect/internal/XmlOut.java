package org.ruralbank.directconnect.internal;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** A small fluent writer for the ISO 20022 messages we produce (one default namespace, no mixed content). */
final class XmlOut {

    private final StringWriter out = new StringWriter();
    private final XMLStreamWriter w;

    XmlOut(String namespace) {
        try {
            w = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("Document");
            w.writeDefaultNamespace(namespace);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    XmlOut open(String name) {
        try {
            w.writeStartElement(name);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    XmlOut close() {
        try {
            w.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** An element with text; nothing when the text is null. */
    XmlOut el(String name, String text) {
        if (text == null) {
            return this;
        }
        try {
            w.writeStartElement(name);
            w.writeCharacters(text);
            w.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    XmlOut el(String name, String attr, String attrValue, String text) {
        try {
            w.writeStartElement(name);
            w.writeAttribute(attr, attrValue);
            w.writeCharacters(text);
            w.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    String finish() {
        try {
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}
