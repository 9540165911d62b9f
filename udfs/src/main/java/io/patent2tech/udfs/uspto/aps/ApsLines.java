package io.patent2tech.udfs.uspto.aps;

import io.patent2tech.udfs.DocumentRejectedException;
import io.patent2tech.udfs.normalize.Texts;

/**
 * A cursor over the lines of one APS Green Book patent: each step is a record header (a line that
 * is only a 4-letter record name: {@code PATN}, {@code INVT}, {@code CLMS} ...) or a field (a
 * 3-character code padded to 4, e.g. {@code "WKU "}, {@code "PA1 "}, then its value from column 6).
 * A field's value goes on over the indented lines below it (continuation lines, table rows) and
 * over blank lines; {@link #value()} is that text with white space collapsed to single spaces, and
 * {@link #firstLine()} the first line exactly as written, for the fixed-width fields (classification
 * symbols) whose spaces are positions.
 *
 * <p>One forward pass with {@code indexOf('\n')}; no pattern matching on the text. Line ends may be
 * {@code \n} or {@code \r\n}.
 */
final class ApsLines {

  /** Column (0-based) where a field's value starts: four characters of code, one space. */
  static final int VALUE_COLUMN = 5;

  private final String text;
  private final StringBuilder value = new StringBuilder(1024);
  private int pos;
  private int lineNumber;

  private String code;
  private boolean record;
  private int firstLineStart;
  private int firstLineEnd;
  private int fieldLine;

  /** @param start where the records start (after a file header); lines before it still count in line numbers */
  ApsLines(String text, int start) {
    this.text = text;
    this.pos = start;
    for (int i = text.indexOf('\n'); i >= 0 && i < start; i = text.indexOf('\n', i + 1)) {
      lineNumber++;
    }
  }

  /**
   * Advances to the next record header or field.
   *
   * @return false at the end of the text
   * @throws DocumentRejectedException (stage parse) for a line that is neither a record, a field nor
   *                                   a continuation of one
   */
  boolean next() throws DocumentRejectedException {
    int n = text.length();
    while (pos < n) {
      int start = pos;
      int end = lineEnd(start);
      lineNumber++;
      if (isBlank(start, end)) {
        continue;
      }
      if (text.charAt(start) == ' ') {
        throw reject("line " + lineNumber + " is indented but follows no field: \"" + head(start, end) + "\"");
      }
      if (end - start < 4 || !isCode(start)) {
        throw reject("line " + lineNumber + " does not start with an APS field code: \"" + head(start, end) + "\"");
      }
      code = text.substring(start, start + 4);
      fieldLine = lineNumber;
      record = code.charAt(3) != ' ' && isBlank(start + 4, end);
      value.setLength(0);
      if (record) {
        firstLineStart = firstLineEnd = end;
        return true;
      }
      firstLineStart = Math.min(start + VALUE_COLUMN, end);
      firstLineEnd = trimmedEnd(firstLineStart, end);
      appendCollapsed(start + 4, end);
      while (pos < n && (text.charAt(pos) == ' ' || text.charAt(pos) == '\r' || text.charAt(pos) == '\n')) {
        int cs = pos;
        int ce = lineEnd(cs);
        lineNumber++;
        appendCollapsed(cs, ce);
      }
      int len = value.length();
      if (len > 0 && value.charAt(len - 1) == ' ') {
        value.setLength(len - 1);
      }
      return true;
    }
    return false;
  }

  /**
   * Appends text[from, to) to the value as {@link Texts#appendCollapsed} does (runs of white space
   * become one space, none at the start), a run of other characters at a time.
   */
  private void appendCollapsed(int from, int to) {
    int i = from;
    while (i < to) {
      while (i < to && Texts.isSpace(text.charAt(i))) {
        i++;
      }
      int run = i;
      while (i < to && !Texts.isSpace(text.charAt(i))) {
        i++;
      }
      if (i > run) {
        int len = value.length();
        if (len > 0 && value.charAt(len - 1) != ' ') {
          value.append(' ');
        }
        value.append(text, run, i);
      }
    }
  }

  /** Whether the current line is a record header (else a field). */
  boolean isRecord() {
    return record;
  }

  /** The record name or the field code, 4 characters ({@code "WKU "} with its padding space). */
  String code() {
    return code;
  }

  /** The field's text over all its lines, white space collapsed; null when blank. */
  String value() {
    return value.length() == 0 ? null : value.toString();
  }

  /** The first line of the field from column 6, exactly (inner spaces kept), trailing spaces removed; null when blank. */
  String firstLine() {
    return firstLineEnd > firstLineStart ? text.substring(firstLineStart, firstLineEnd) : null;
  }

  /** 1-based number of the line the current record or field starts on. */
  int line() {
    return fieldLine;
  }

  /** End of the line starting at {@code start} (before its \r\n or \n); moves {@link #pos} past it. */
  private int lineEnd(int start) {
    int nl = text.indexOf('\n', start);
    int end = nl < 0 ? text.length() : nl;
    pos = nl < 0 ? text.length() : nl + 1;
    return end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
  }

  private boolean isBlank(int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Texts.isSpace(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private int trimmedEnd(int from, int to) {
    int e = to;
    while (e > from && Texts.isSpace(text.charAt(e - 1))) {
      e--;
    }
    return e;
  }

  /** Upper-case letters and digits, the fourth possibly a space: "PATN", "WKU ", "PA1 ". */
  private boolean isCode(int at) {
    for (int i = 0; i < 4; i++) {
      char c = text.charAt(at + i);
      boolean ok = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (i == 3 && c == ' ');
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private String head(int start, int end) {
    return text.substring(start, Math.min(end, start + 40));
  }

  private static DocumentRejectedException reject(String reason) {
    return new DocumentRejectedException(DocumentRejectedException.STAGE_PARSE, "malformed APS text: " + reason, null,
        null);
  }
}
