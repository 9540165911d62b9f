package io.patent2tech.jobs.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The office format of a file given to {@code parse}, told by content, never by file name:
 * <ul>
 *   <li>a zip or tar archive: USPTO bulk file (a tar is a "with images" product of per-patent zips);</li>
 *   <li>an XML root in an EPO namespace ({@code http://ops.epo.org}, {@code http://www.epo.org/...};
 *       OPS responses have the root {@code ops:world-patent-data}): EPO OPS response;</li>
 *   <li>a root {@code <response>} (KIPRIS legacy {@code openapi/rest} and current {@code kipo-api})
 *       or the data.go.kr gateway's {@code <OpenAPI_ServiceResponse>}: KIPRIS Plus response;</li>
 *   <li>anything else, also what cannot be read as XML at all: USPTO, whose reader reports what is
 *       wrong with it (as {@code parse} always did).</li>
 * </ul>
 */
public enum InputFormat {
  USPTO, EPO, KIPRIS;

  /** Bytes read to find the root element; roots come long before (USPTO DOCTYPEs are short). */
  static final int SNIFF_BYTES = 64 * 1024;

  private static final XMLInputFactory XML = newFactory();

  /** The {@code --format} value: {@code auto} (null: tell by content), {@code uspto}, {@code epo}, {@code kipris}. */
  public static InputFormat ofOption(String value) {
    String v = value == null ? "auto" : value.trim().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "auto", "" -> null;
      case "uspto" -> USPTO;
      case "epo" -> EPO;
      case "kipris" -> KIPRIS;
      default -> throw new IllegalArgumentException(
          "--format must be auto, uspto, epo or kipris, not '" + value + "'");
    };
  }

  /** The format of a file, from its first {@value #SNIFF_BYTES} bytes. */
  public static InputFormat detect(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return detect(in.readNBytes(SNIFF_BYTES));
    }
  }

  /** The format of content starting with {@code prefix} (which may be cut anywhere after the root tag). */
  public static InputFormat detect(byte[] prefix) {
    if (prefix.length >= 4 && prefix[0] == 'P' && prefix[1] == 'K' && prefix[2] < 9 && prefix[3] < 9) {
      return USPTO; // zip local file header (PK\3\4) or empty archive (PK\5\6)
    }
    if (TarArchiveInputStream.matches(prefix, prefix.length)) {
      return USPTO; // a tar: the USPTO "with images" products
    }
    XMLStreamReader r = null;
    try {
      r = XML.createXMLStreamReader(new ByteArrayInputStream(prefix));
      while (r.hasNext()) {
        if (r.next() == XMLStreamConstants.START_ELEMENT) {
          return ofRoot(r.getNamespaceURI(), r.getLocalName());
        }
      }
    } catch (XMLStreamException | RuntimeException e) {
      // not XML, or broken before the root: the USPTO reader says what is wrong with it
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException e) {
          // nothing to release
        }
      }
    }
    return USPTO;
  }

  static InputFormat ofRoot(String namespace, String localName) {
    if (namespace != null && (namespace.startsWith("http://ops.epo.org") || namespace.startsWith("http://www.epo.org/"))) {
      return EPO;
    }
    if ("response".equalsIgnoreCase(localName) || "OpenAPI_ServiceResponse".equalsIgnoreCase(localName)) {
      return KIPRIS;
    }
    return USPTO;
  }

  private static XMLInputFactory newFactory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setXMLResolver((publicId, systemId, base, ns) -> new ByteArrayInputStream(new byte[0]));
    return f;
  }
}
