package io.patent2tech.connectors.epo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The little XML work the collector does on OPS responses: read the total count of a search, cut
 * a search page into one standalone document per {@code exchange-document}, and check that a
 * full-text response is well-formed. Matches on namespace URIs, never on prefixes (OPS has changed
 * its generated prefixes before). Parsers refuse DOCTYPEs and external entities.
 */
final class OpsXml {

  static final String NS_OPS = "http://ops.epo.org";
  static final String NS_EXCHANGE = "http://www.epo.org/exchange";
  static final String NS_XLINK = "http://www.w3.org/1999/xlink";

  // factories are costly to create and not thread-safe: one per thread
  private static final ThreadLocal<DocumentBuilderFactory> DOM = ThreadLocal.withInitial(OpsXml::newDocumentBuilderFactory);
  private static final ThreadLocal<SAXParserFactory> SAX = ThreadLocal.withInitial(OpsXml::newSaxParserFactory);
  private static final ThreadLocal<TransformerFactory> XSLT = ThreadLocal.withInitial(TransformerFactory::newInstance);

  private OpsXml() {}

  /** A malformed or unexpected OPS response. */
  static final class MalformedException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedException(String message) {
      super(message);
    }
  }

  static Document parse(byte[] bytes) throws MalformedException {
    try {
      DocumentBuilder b = DOM.get().newDocumentBuilder();
      b.setErrorHandler(null);
      return b.parse(new ByteArrayInputStream(bytes));
    } catch (SAXException | IOException e) {
      throw new MalformedException("not well-formed XML: " + e.getMessage());
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether {@code bytes} is one well-formed XML document (a truncated response is not). */
  static boolean wellFormed(byte[] bytes) {
    try {
      SAX.get().newSAXParser().parse(new ByteArrayInputStream(bytes), new DefaultHandler());
      return true;
    } catch (SAXException | IOException e) {
      return false;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code ops:biblio-search/@total-result-count} of a search response. */
  static long totalCount(Document doc) throws MalformedException {
    Element search = first(doc, NS_OPS, "biblio-search");
    if (search == null) {
      throw new MalformedException("no ops:biblio-search element");
    }
    try {
      return Long.parseLong(search.getAttribute("total-result-count").strip());
    } catch (NumberFormatException e) {
      throw new MalformedException("unreadable total-result-count");
    }
  }

  /** The exchange-documents of a search/biblio page, in document order. */
  static List<Element> exchangeDocuments(Document doc) throws MalformedException {
    totalCount(doc);
    NodeList nodes = doc.getElementsByTagNameNS(NS_EXCHANGE, "exchange-document");
    List<Element> out = new ArrayList<>(nodes.getLength());
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add((Element) nodes.item(i));
    }
    return out;
  }

  /**
   * One exchange-document as a document of its own, shaped like a published-data biblio response
   * ({@code ops:world-patent-data/exchange-documents/exchange-document}) with the namespace
   * declarations of the page's root, so the EPO mapper reads it like any biblio retrieval.
   */
  static byte[] standalone(Element exchangeDocument) {
    try {
      Document out = DOM.get().newDocumentBuilder().newDocument();
      Element source = exchangeDocument.getOwnerDocument().getDocumentElement();
      Element root = out.createElementNS(NS_OPS, "ops:world-patent-data");
      root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns", NS_EXCHANGE);
      root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:ops", NS_OPS);
      root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:xlink", NS_XLINK);
      NamedNodeMap attrs = source.getAttributes();
      for (int i = 0; i < attrs.getLength(); i++) {
        Attr a = (Attr) attrs.item(i);
        if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())
            && !root.hasAttribute(a.getName())) {
          root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, a.getName(), a.getValue());
        }
      }
      out.appendChild(root);
      Element wrapper = out.createElementNS(NS_EXCHANGE, "exchange-documents");
      root.appendChild(wrapper);
      wrapper.appendChild(out.importNode(exchangeDocument, true));
      Transformer t = XSLT.get().newTransformer();
      t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      t.setOutputProperty(OutputKeys.STANDALONE, "yes");
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      t.transform(new DOMSource(out), new StreamResult(bytes));
      return bytes.toByteArray();
    } catch (ParserConfigurationException | TransformerException e) {
      throw new IllegalStateException("cannot serialize an exchange-document", e);
    }
  }

  private static Element first(Document doc, String ns, String localName) {
    NodeList nodes = doc.getElementsByTagNameNS(ns, localName);
    return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
  }

  private static DocumentBuilderFactory newDocumentBuilderFactory() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      return f;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SAXParserFactory newSaxParserFactory() {
    try {
      SAXParserFactory f = SAXParserFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      return f;
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException(e);
    }
  }
}
