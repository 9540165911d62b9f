package io.patent2tech.udfs.uspto;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import io.patent2tech.udfs.DocumentRejectedException;
import io.patent2tech.udfs.xml.SafeXml;

/**
 * What the parser says about bytes it cannot read: rejections of stage {@code parse} with the
 * reader's message and position (invalid UTF-8 located by the parser itself, since the reader's
 * position is relative to its buffer), undeclared entities as the reader names them, and the
 * formats recognised before any XML is read (not XML, APS Green Book text).
 */
final class XmlDiagnostics {

  private XmlDiagnostics() {}

  static DocumentRejectedException reject(String reason, Throwable cause) {
    return new DocumentRejectedException(DocumentRejectedException.STAGE_PARSE, reason, null, cause);
  }

  static DocumentRejectedException malformed(XMLStreamException e, XMLStreamReader reader, byte[] document) {
    String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (msg.contains("UTF-8")) {
      // the reader's location for a decoding error is relative to its buffer: find the bytes ourselves
      int bad = firstInvalidUtf8(document);
      if (bad >= 0) {
        int paren = msg.indexOf(" (at char #");
        String core = paren > 0 ? msg.substring(0, paren) : msg;
        int at = core.indexOf("\n at [");
        if (at >= 0) {
          core = core.substring(0, at);
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < bad; i++) {
          if (document[i] == '\n') {
            line++;
            lineStart = i + 1;
          }
        }
        int column = 1;
        for (int i = lineStart; i < bad; i++) {
          if ((document[i] & 0xC0) != 0x80) {
            column++;
          }
        }
        return reject("malformed XML: " + core.trim() + " (line " + line + ", column " + column + ", byte offset "
            + bad + ")", e);
      }
    }
    return reject(SafeXml.malformedReason("malformed XML: ", e, reader), e);
  }

  /** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence, or -1. */
  static int firstInvalidUtf8(byte[] b) {
    int i = 0;
    int n = b.length;
    while (i < n) {
      int c = b[i] & 0xff;
      if (c < 0x80) {
        i++;
        continue;
      }
      int need;
      int min2 = 0x80;
      int max2 = 0xBF;
      if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
      } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        if (c == 0xE0) {
          min2 = 0xA0;
        } else if (c == 0xED) {
          max2 = 0x9F;
        }
      } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        if (c == 0xF0) {
          min2 = 0x90;
        } else if (c == 0xF4) {
          max2 = 0x8F;
        }
      } else {
        return i;
      }
      for (int k = 1; k <= need; k++) {
        if (i + k >= n) {
          return i;
        }
        int d = b[i + k] & 0xff;
        int lo = k == 1 ? min2 : 0x80;
        int hi = k == 1 ? max2 : 0xBF;
        if (d < lo || d > hi) {
          return i + k;
        }
      }
      i += need + 1;
    }
    return -1;
  }

  /** Rejects what is plainly not XML before handing it to the XML reader. */
  static void sniffFormat(byte[] b) throws DocumentRejectedException {
    int n = b.length;
    if (n >= 2 && (((b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) || ((b[0] & 0xff) == 0xFF
        && (b[1] & 0xff) == 0xFE))) {
      return; // UTF-16: leave it to the XML reader
    }
    int i = SafeXml.startOfContent(b);
    if (i >= n) {
      throw reject("empty document (white space only)", null);
    }
    if (b[i] == '<') {
      return;
    }
    if (n - i >= 4 && b[i] == 'P' && b[i + 1] == 'A' && b[i + 2] == 'T' && b[i + 3] == 'N') {
      throw reject("unsupported format: APS Green Book text (1976-2001 full text, PATN records)", null);
    }
    throw reject("unsupported format: not XML (starts with \"" + SafeXml.asciiHead(b, i) + "\")", null);
  }

}
