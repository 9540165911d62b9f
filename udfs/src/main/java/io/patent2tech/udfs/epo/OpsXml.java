package io.patent2tech.udfs.epo;

import java.io.ByteArrayInputStream;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLResolver;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

import org.codehaus.stax2.XMLStreamReader2;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.exc.WstxLazyException;
import com.ctc.wstx.stax.WstxInputFactory;

import io.patent2tech.udfs.DocumentRejectedException;

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
   * Woodstox, namespace aware, coalescing, no DTD processing at all (OPS responses have none; a
   * DOCTYPE in one is skipped, never fetched) and no external entities: a resolver hands back an
   * empty stream, so nothing is ever opened, which is the same hardening as the USPTO parser.
   */
  static XMLInputFactory newInputFactory() {
    WstxInputFactory f = new WstxInputFactory();
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.TRUE);
    f.setProperty(XMLInputFactory.IS_VALIDATING, Boolean.FALSE);
    f.setProperty(XMLInputFactory.IS_COALESCING, Boolean.TRUE);
    f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
    XMLResolver nothing = (publicId, systemId, baseUri, namespace) -> new ByteArrayInputStream(new byte[0]);
    f.setProperty(XMLInputFactory.RESOLVER, nothing);
    f.setProperty(WstxInputProperties.P_DTD_RESOLVER, nothing);
    f.setProperty(WstxInputProperties.P_ENTITY_RESOLVER, nothing);
    f.setProperty(WstxInputProperties.P_NORMALIZE_LFS, Boolean.TRUE);
    return f;
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
      StringBuilder head = new StringBuilder();
      for (int k = i; k < response.length && head.length() < 24; k++) {
        int c = response[k] & 0xff;
        head.append(c >= 0x20 && c < 0x7f ? (char) c : '?');
      }
      throw reject("not XML: " + what + " response starts with \"" + head + "\"", null);
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
    Throwable e = error instanceof WstxLazyException && error.getCause() != null ? error.getCause() : error;
    String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int at = msg.indexOf("\n at [");
    if (at >= 0) {
      msg = msg.substring(0, at);
    }
    if (msg.startsWith("[")) {
      int close = msg.indexOf("] ");
      if (close > 0) {
        msg = msg.substring(close + 2);
      }
    }
    StringBuilder reason = new StringBuilder("malformed XML in ").append(what).append(" response: ")
        .append(msg.replace('\n', ' ').trim());
    Location loc = e instanceof XMLStreamException ? ((XMLStreamException) e).getLocation() : null;
    if (loc != null && loc.getLineNumber() > 0) {
      reason.append(" (line ").append(loc.getLineNumber()).append(", column ").append(loc.getColumnNumber())
          .append(')');
    }
    return reject(reason.toString(), error);
  }

  /** Whether the reader stands on a start tag {@code ns:local}. */
  static boolean is(XMLStreamReader2 r, String ns, String local) {
    return local.equals(r.getLocalName()) && ns.equals(r.getNamespaceURI());
  }

  /**
   * Moves to the next start tag inside the element whose depth is {@code depth} (the element the
   * caller stood on when it took {@code r.getDepth()}); false when that element has ended (the
   * reader then stands on its end tag).
   */
  static boolean nextStartWithin(XMLStreamReader2 r, int depth) throws XMLStreamException {
    while (r.hasNext()) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        return true;
      }
      if (ev == XMLStreamConstants.END_ELEMENT && r.getDepth() <= depth) {
        return false;
      }
    }
    return false;
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
