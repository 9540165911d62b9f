package io.patent2tech.udfs.kipris;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.ctc.wstx.exc.WstxLazyException;

import io.patent2tech.udfs.xml.SafeXml;

/**
 * Reads a KIPRIS response into an {@link XmlNode} tree with StAX (Woodstox, {@link SafeXml}).
 *
 * <p>Hardened more strictly than the USPTO reader: KIPRIS responses never carry a DOCTYPE, so DTD
 * support is off entirely (no internal subset, no entity declarations, nothing external is ever
 * resolved; a resolver answers an empty stream should anything ask). Only the five XML entities and
 * character references ({@code &#039;} is common in KIPRIS abstracts) are understood.
 *
 * <p>White space and a byte order mark before the XML declaration are skipped: the legacy API
 * writes blank lines <em>after</em> the declaration (legal), but a body passed through a proxy or a
 * text buffer sometimes arrives with them in front (which a strict reader refuses).
 */
final class KiprisXml {

  /** Why a response could not be read: "malformed XML: ... (line L, column C)" and the like. */
  static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;

    Unreadable(String reason, Throwable cause) {
      super(reason, cause);
    }
  }

  private static final class Holder {
    static final XMLInputFactory FACTORY = newInputFactory();
  }

  /** Nesting deeper than this is not a KIPRIS response (they are 6-8 levels deep). */
  private static final int MAX_DEPTH = 64;

  private KiprisXml() {}

  static XMLInputFactory newInputFactory() {
    return SafeXml.newInputFactory(false, true, SafeXml.Dtd.NONE);
  }

  /** The root element of the response. */
  static XmlNode read(byte[] bytes) throws Unreadable {
    if (bytes == null) {
      throw new Unreadable("empty response", null);
    }
    int start = SafeXml.startOfContent(bytes);
    if (start >= bytes.length) {
      throw new Unreadable("empty response", null);
    }
    if (bytes[start] != '<') {
      throw new Unreadable("not XML (starts with '" + preview(bytes, start) + "')", null);
    }
    XMLStreamReader r = null;
    try {
      r = Holder.FACTORY.createXMLStreamReader(new ByteArrayInputStream(bytes, start, bytes.length - start));
      return tree(r);
    } catch (XMLStreamException e) {
      throw new Unreadable(malformed(e, r), e);
    } catch (WstxLazyException e) {
      Throwable c = e.getCause();
      throw new Unreadable(c instanceof XMLStreamException ? malformed((XMLStreamException) c, r)
          : "malformed XML: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new Unreadable("XML reader error: " + e, e);
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException | RuntimeException ignored) {
          // a byte array source has nothing to release
        }
      }
    }
  }

  private static XmlNode tree(XMLStreamReader r) throws XMLStreamException, Unreadable {
    Deque<XmlNode> open = new ArrayDeque<>();
    XmlNode root = null;
    while (r.hasNext()) {
      int ev = r.next();
      switch (ev) {
        case XMLStreamConstants.START_ELEMENT: {
          if (open.size() >= MAX_DEPTH) {
            throw new Unreadable("XML nested deeper than " + MAX_DEPTH + " levels", null);
          }
          XmlNode n = new XmlNode(localName(r.getLocalName()), isNil(r));
          if (open.isEmpty()) {
            root = n;
          } else {
            open.peek().add(n);
          }
          open.push(n);
          break;
        }
        case XMLStreamConstants.END_ELEMENT:
          open.pop();
          break;
        case XMLStreamConstants.CHARACTERS:
        case XMLStreamConstants.CDATA:
        case XMLStreamConstants.SPACE:
          if (!open.isEmpty()) {
            open.peek().appendText(r.getText());
          }
          break;
        default:
          break;
      }
    }
    if (root == null) {
      throw new Unreadable("malformed XML: no root element", null);
    }
    return root;
  }

  /** Not namespace aware: {@code ns:name} arrives whole; the mapper only wants the local part. */
  private static String localName(String n) {
    int colon = n.indexOf(':');
    return colon >= 0 ? n.substring(colon + 1) : n;
  }

  private static boolean isNil(XMLStreamReader r) {
    for (int i = 0; i < r.getAttributeCount(); i++) {
      if ("nil".equals(localName(r.getAttributeLocalName(i)))
          && "true".equalsIgnoreCase(r.getAttributeValue(i).trim())) {
        return true;
      }
    }
    return false;
  }

  private static String malformed(XMLStreamException e, XMLStreamReader r) {
    return SafeXml.malformedReason("malformed XML: ", e, r);
  }

  private static String preview(byte[] b, int from) {
    int end = Math.min(b.length, from + 40);
    String s = new String(b, from, end - from, java.nio.charset.StandardCharsets.UTF_8);
    return s.replaceAll("\\s+", " ").trim();
  }
}
