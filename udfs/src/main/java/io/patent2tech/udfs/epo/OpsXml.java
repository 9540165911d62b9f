package io.patent2tech.udfs.epo;

import java.io.ByteArrayInputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

import org.codehaus.stax2.XMLStreamReader2;

import io.patent2tech.udfs.DocumentRejectedException;
import io.patent2tech.udfs.xml.SafeXml;
import io.patent2tech.udfs.xml.StaxCursor;

/**
 * StAX plumbing shared by the OPS readers: the namespaces, a hardened reader factory and the few
 * cursor moves they need. OPS responses are matched on namespace URIs, never on prefixes: the same
 * element is {@code ftxt:claims} in one capture and unprefixed under a default namespace in another,
 * and 2025 register bodies use generated prefixes ({@code ns2:}).
 */
final class OpsXml {

  static final String EXCHANGE = "http://www.epo.org/exchange";
  static final String OPS = "http://ops.epo.org";
  static final String FULLTEXT = "http://www.epo.org/fulltext";

  private OpsXml() {}

  /** Configured once; an XMLInputFactory is thread-safe once configured. */
  private static final class Holder {
    static final XMLInputFactory FACTORY = newInputFactory();
  }

  /**
   * Namespace aware, coalescing, no DTD processing at all (OPS responses have none; a DOCTYPE in one
   * is skipped, never fetched) and no external entities: {@link SafeXml}, as for the other offices.
   */
  static XMLInputFactory newInputFactory() {
    return SafeXml.newInputFactory(true, true, SafeXml.Dtd.NONE);
  }

  /** A reader over the bytes; blank or plainly non-XML input is a parse rejection. */
  static XMLStreamReader2 open(byte[] response, String what) throws DocumentRejectedException {
    if (response == null || response.length == 0) {
      throw reject("empty " + what + " response", null);
    }
    int i = 0;
    if (response.length >= 3 && (response[0] & 0xff) == 0xEF && (response[1] & 0xff) == 0xBB) {
      i = 3;
    }
    while (i < response.length && response[i] <= ' ' && response[i] >= 0) {
      i++;
    }
    if (i >= response.length) {
      throw reject("empty " + what + " response (white space only)", null);
    }
    if (response[i] != '<') {
      throw reject("not XML: " + what + " response starts with \"" + SafeXml.asciiHead(response, i) + "\"", null);
    }
    try {
      return (XMLStreamReader2) Holder.FACTORY.createXMLStreamReader(new ByteArrayInputStream(response));
    } catch (XMLStreamException e) {
      throw malformed(e, what);
    }
  }

  static void close(XMLStreamReader2 r) {
    if (r != null) {
      try {
        r.closeCompletely();
      } catch (XMLStreamException | RuntimeException ignored) {
        // closing a byte array source cannot lose data
      }
    }
  }

  static DocumentRejectedException reject(String reason, Throwable cause) {
    return new DocumentRejectedException(DocumentRejectedException.STAGE_PARSE, reason, null, cause);
  }

  /** The reader's error as a parse rejection: message without Woodstox's location noise, plus line/column. */
  static DocumentRejectedException malformed(Throwable error, String what) {
    return reject(SafeXml.malformedReason("malformed XML in " + what + " response: ", error, null), error);
  }

  /** Whether the reader stands on a start tag {@code ns:local}. */
  static boolean is(XMLStreamReader2 r, String ns, String local) {
    return local.equals(r.getLocalName()) && ns.equals(r.getNamespaceURI());
  }

  /**
   * Moves to the next start tag inside the element whose depth is {@code depth} (the element the
   * caller stood on when it took {@code r.getDepth()}); false when that element has ended (the
   * reader then stands on its end tag). {@link StaxCursor#nextStartWithin}, as the USPTO parser.
   */
  static boolean nextStartWithin(XMLStreamReader2 r, int depth) throws XMLStreamException {
    return StaxCursor.nextStartWithin(r, depth) != null;
  }

  /**
   * All text inside the current element (nested inline elements included, element boundaries read
   * as nothing), as written: line breaks kept, so callers decide how to collapse. Leaves the reader
   * on the element's end tag. Null when there is no text.
   */
  static String rawText(XMLStreamReader2 r) throws XMLStreamException {
    int depth = r.getDepth();
    StringBuilder sb = new StringBuilder();
    while (r.hasNext()) {
      int ev = r.next();
      if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA
          || ev == XMLStreamConstants.SPACE) {
        sb.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
      } else if (ev == XMLStreamConstants.END_ELEMENT && r.getDepth() <= depth) {
        break;
      }
    }
    return sb.length() == 0 ? null : sb.toString();
  }

  /** The value of an attribute without namespace, or null. */
  static String attr(XMLStreamReader2 r, String name) {
    String v = r.getAttributeValue(null, name);
    return v == null || v.isBlank() ? null : v.trim();
  }
}
