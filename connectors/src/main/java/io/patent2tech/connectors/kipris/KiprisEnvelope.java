package io.patent2tech.connectors.kipris;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What the collector needs from a KIPRIS Plus response, read with StAX and nothing more (mapping a
 * document to a Patent is the udfs mapper's job): the result code and message of the header, the
 * total hit count and the application numbers of a search page. Both API generations are read:
 * the legacy {@code openapi/rest} one (empty resultCode on success, {@code TotalSearchCount} or
 * {@code totalCount} inside {@code items}, PascalCase {@code ApplicationNumber}) and the current
 * {@code kipo-api} one ({@code successYN}, resultCode {@code 00}, a {@code count} block with
 * {@code totalCount}, camelCase {@code applicationNumber}). Element names are matched ignoring case
 * and namespace; one item, many items, an empty {@code items} or a missing body all read alike.
 */
public final class KiprisEnvelope {

  private static final XMLInputFactory XML = XMLInputFactory.newFactory();

  static {
    XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    XML.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
    XML.setProperty(XMLInputFactory.IS_COALESCING, true);
  }

  /** Result code, "" when the response has none (legacy success). */
  public final String resultCode;
  public final String resultMsg;
  /** Y | N | "" (legacy API). */
  public final String successYN;
  /** Total hits of the search, or -1 when the response names none. */
  public final long totalCount;
  /** Application numbers in document order (search pages). */
  public final List<String> applicationNumbers;

  private KiprisEnvelope(String resultCode, String resultMsg, String successYN, long totalCount,
      List<String> applicationNumbers) {
    this.resultCode = resultCode;
    this.resultMsg = resultMsg;
    this.successYN = successYN;
    this.totalCount = totalCount;
    this.applicationNumbers = List.copyOf(applicationNumbers);
  }

  /** True when the office reports success: resultCode empty or 00, and successYN not N. */
  public boolean ok() {
    return (resultCode.isEmpty() || resultCode.equals("00")) && !successYN.equalsIgnoreCase("N");
  }

  /** "KIPRIS error 30: SERVICE KEY IS NOT REGISTERED ERROR." */
  public String error() {
    return "KIPRIS error " + (resultCode.isEmpty() ? "(no code)" : resultCode) + ": "
        + (resultMsg.isEmpty() ? "(no message)" : resultMsg);
  }

  /**
   * Reads a response.
   *
   * @throws IOException when it is not well-formed XML (truncated, an HTML error page, ...)
   */
  public static KiprisEnvelope read(byte[] body) throws IOException {
    int start = 0;
    if (body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf) {
      start = 3; // UTF-8 BOM
    }
    while (start < body.length && Character.isWhitespace(body[start])) {
      start++; // some responses have blank lines before the declaration, which StAX rejects
    }
    String code = null;
    String msg = null;
    String success = null;
    long total = -1;
    List<String> numbers = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    try {
      XMLStreamReader r = XML.createXMLStreamReader(new ByteArrayInputStream(body, start, body.length - start));
      boolean rootSeen = false;
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          rootSeen = true;
          text.setLength(0);
        } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
          text.append(r.getText());
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          String name = localName(r.getLocalName());
          String value = text.toString().strip();
          switch (name) {
            case "resultcode" -> code = code == null ? value : code;
            case "resultmsg" -> msg = msg == null ? value : msg;
            case "successyn" -> success = success == null ? value : success;
            case "totalcount", "totalsearchcount" -> total = total < 0 ? parseLong(value) : total;
            case "applicationnumber" -> {
              if (!value.isEmpty()) {
                numbers.add(value);
              }
            }
            default -> { }
          }
          text.setLength(0);
        }
      }
      r.close();
      if (!rootSeen) {
        throw new IOException("not an XML response: no root element");
      }
    } catch (XMLStreamException | RuntimeException e) {
      // Woodstox reports some errors (a multi-byte character cut off) as unchecked exceptions
      throw new IOException("malformed KIPRIS response: " + e.getMessage(), e);
    }
    return new KiprisEnvelope(nz(code), nz(msg), nz(success), total, numbers);
  }

  private static String localName(String name) {
    int colon = name.indexOf(':');
    return (colon >= 0 ? name.substring(colon + 1) : name).toLowerCase(Locale.ROOT);
  }

  private static long parseLong(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
