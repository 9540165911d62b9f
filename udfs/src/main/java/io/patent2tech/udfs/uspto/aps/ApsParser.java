package io.patent2tech.udfs.uspto.aps;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;

import io.patent2tech.schema.Patent;
import io.patent2tech.schema.Source;
import io.patent2tech.udfs.DocumentRejectedException;

/**
 * Parser for one patent in APS "Green Book" fixed-field text, the USPTO full-text format of
 * 1976-2001 grants (weekly {@code pftaps*.txt} files, cut into one {@code PATN} record and the
 * records that follow it by the splitter). It gives the same parsed, not yet normalized
 * {@link Patent} as {@link io.patent2tech.udfs.uspto.UsptoXmlParser}, for the same
 * {@link io.patent2tech.udfs.RecordFinisher}; docs/parser.md lists the fields read and what the
 * format lacks.
 *
 * <p>The text is ASCII (read as ISO-8859-1, which never fails on a byte). A weekly file's header
 * line ({@code HHHHHT...}) before the {@code PATN} record is skipped. Every failure is a
 * {@link DocumentRejectedException} with stage {@code parse}: no {@code PATN} record, a second one,
 * a line that is neither a record, a field nor a continuation (named by its line number).
 *
 * <p>Stateless and thread-safe; per-document state lives in an {@link ApsPatentReader} per call.
 */
public final class ApsParser implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final String HEADER_START = "HHHHHT";

  /**
   * Whether a document is APS text: after leading white space it starts with a {@code PATN} line
   * or a weekly file's {@code HHHHHT} header. Reads a few bytes only.
   */
  public static boolean isApsText(byte[] document) {
    if (document == null) {
      return false;
    }
    int i = 0;
    int n = document.length;
    while (i < n && (document[i] == ' ' || document[i] == '\t' || document[i] == '\r' || document[i] == '\n')) {
      i++;
    }
    if (startsWith(document, i, "PATN")) {
      int after = i + 4;
      return after == n || document[after] == '\r' || document[after] == '\n' || document[after] == ' ';
    }
    return startsWith(document, i, HEADER_START);
  }

  /**
   * Parses one patent.
   *
   * @param document the bytes of one {@code PATN} record and the records after it
   * @param where    office/file/entry/position/offset of the document; copied, with product set to
   *                 {@value ApsPatentReader#PRODUCT}; null is read as an unknown USPTO file
   */
  public Patent parse(byte[] document, Source where) throws DocumentRejectedException {
    if (document == null || document.length == 0) {
      throw new DocumentRejectedException(DocumentRejectedException.STAGE_PARSE, "empty document", null, null);
    }
    String text = new String(document, StandardCharsets.ISO_8859_1);
    try {
      return new ApsPatentReader(new ApsLines(text, afterHeader(text)), where).read();
    } catch (RuntimeException e) {
      throw new DocumentRejectedException(DocumentRejectedException.STAGE_PARSE, "parser error: " + e, null, e);
    }
  }

  /** Where the records start: after leading blank lines and a weekly file's header line, if any. */
  private static int afterHeader(String text) {
    int i = 0;
    while (i < text.length() && (text.charAt(i) == '\r' || text.charAt(i) == '\n' || text.charAt(i) == ' ')) {
      i++;
    }
    if (!text.startsWith(HEADER_START, i)) {
      return 0;
    }
    int nl = text.indexOf('\n', i);
    return nl < 0 ? text.length() : nl + 1;
  }

  private static boolean startsWith(byte[] b, int at, String prefix) {
    if (b.length - at < prefix.length()) {
      return false;
    }
    for (int k = 0; k < prefix.length(); k++) {
      if (b[at + k] != prefix.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}
