package io.patent2tech.udfs.xml;

import java.io.ByteArrayInputStream;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLResolver;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.exc.WstxLazyException;
import com.ctc.wstx.stax.WstxInputFactory;

/**
 * The one hardened StAX (Woodstox) input factory of the module, and the few pieces every office
 * reader shares around it: what comes before the first tag, and the reader's error as a rejection
 * reason.
 *
 * <p>Whatever the options, a factory from here is not validating, never supports external entities
 * and never opens anything: a resolver hands back an empty stream for every DTD or entity it is
 * asked for. Line ends are normalized to LF.
 */
public final class SafeXml {

  /** What the reader does with a DOCTYPE. */
  public enum Dtd {
    /**
     * No DTD processing at all (OPS and KIPRIS responses have none): a DOCTYPE is skipped, nothing
     * declared in it is understood; only the five XML entities and character references are.
     */
    NONE,
    /**
     * The internal subset is read (a document may declare its own entities), the external DTD never
     * is; DTDs are not cached. The caller adds any entities it defines itself (USPTO: ISO 8879).
     */
    INTERNAL_SUBSET
  }

  private SafeXml() {}

  /**
   * A new, configured factory; configure anything else before sharing it (an XMLInputFactory is
   * thread-safe once configured).
   *
   * @param namespaceAware whether elements are matched on namespace URIs (OPS) or read as written
   * @param coalescing     whether adjacent text, CDATA and entity text arrive as one event
   */
  public static WstxInputFactory newInputFactory(boolean namespaceAware, boolean coalescing, Dtd dtd) {
    WstxInputFactory f = new WstxInputFactory();
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, namespaceAware);
    f.setProperty(XMLInputFactory.IS_VALIDATING, Boolean.FALSE);
    f.setProperty(XMLInputFactory.IS_COALESCING, coalescing);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, Boolean.TRUE);
    f.setProperty(XMLInputFactory.SUPPORT_DTD, dtd == Dtd.INTERNAL_SUBSET);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
    XMLResolver nothing = (publicId, systemId, baseUri, namespace) -> new ByteArrayInputStream(new byte[0]);
    f.setProperty(XMLInputFactory.RESOLVER, nothing);
    f.setProperty(WstxInputProperties.P_DTD_RESOLVER, nothing);
    f.setProperty(WstxInputProperties.P_ENTITY_RESOLVER, nothing);
    if (dtd == Dtd.INTERNAL_SUBSET) {
      f.setProperty(WstxInputProperties.P_CACHE_DTDS, Boolean.FALSE);
    }
    f.setProperty(WstxInputProperties.P_NORMALIZE_LFS, Boolean.TRUE);
    return f;
  }

  /**
   * Index of the first byte after a UTF-8 byte order mark and XML white space (space, tab, CR, LF);
   * {@code b.length} when there is nothing else.
   */
  public static int startOfContent(byte[] b) {
    int i = 0;
    int n = b.length;
    if (n >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
      i = 3;
    }
    while (i < n && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) {
      i++;
    }
    return i;
  }

  /** Up to 24 bytes from {@code from}, printable ASCII as is and anything else as '?': for "not XML" reasons. */
  public static String asciiHead(byte[] b, int from) {
    StringBuilder head = new StringBuilder();
    for (int k = from; k < b.length && head.length() < 24; k++) {
      int c = b[k] & 0xff;
      head.append(c >= 0x20 && c < 0x7f ? (char) c : '?');
    }
    return head.toString();
  }

  /**
   * {@code prefix} + the reader's message without Woodstox's location noise ({@code "\n at [...]"},
   * a leading {@code "[...] "}), on one line, + {@code " (line L, column C)"} when known: from the
   * error, else from {@code reader} (may be null). A {@link WstxLazyException} is read as its cause.
   */
  public static String malformedReason(String prefix, Throwable error, XMLStreamReader reader) {
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
    msg = msg.replace('\n', ' ').trim();
    Location loc = e instanceof XMLStreamException ? ((XMLStreamException) e).getLocation() : null;
    if (loc == null && reader != null) {
      try {
        loc = reader.getLocation();
      } catch (RuntimeException ignored) {
        loc = null;
      }
    }
    StringBuilder reason = new StringBuilder(prefix.length() + msg.length() + 40).append(prefix).append(msg);
    if (loc != null && loc.getLineNumber() > 0) {
      reason.append(" (line ").append(loc.getLineNumber()).append(", column ").append(loc.getColumnNumber())
          .append(')');
    }
    return reason.toString();
  }
}
