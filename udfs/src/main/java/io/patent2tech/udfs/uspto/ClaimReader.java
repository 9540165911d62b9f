package io.patent2tech.udfs.uspto;

import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamException;

import io.patent2tech.schema.Claim;

/**
 * One claim in any of the formats ({@code claim}, PAP {@code claim}, ST.32 {@code CLM}): number,
 * text with the printed number removed, and the claims it depends on from its claim references.
 */
final class ClaimReader {

  private final DocumentCursor c;
  private final List<Claim> out;

  ClaimReader(DocumentCursor c, PatentDraft d) {
    this.c = c;
    this.out = d.claims;
  }

  /** Number from {@code @num}, else the digits of the id ({@code CLM-00012}), else the position. */
  void claim() throws XMLStreamException {
    int number = FieldValues.parseIntOr(c.attr("num"), -1);
    if (number < 0) {
      String id = c.attr(c.markup().id());
      number = id == null ? -1 : FieldValues.firstNumber(id);
    }
    if (number < 0) {
      number = out.size() + 1;
    }
    TextBuffer sb = c.smallBuffer();
    sb.clear();
    List<Integer> refs = new ArrayList<>(2);
    c.appendContent(sb, false, refs);
    sb.trimEnd();
    String text = stripClaimNumber(sb);
    refs.remove(Integer.valueOf(number));
    if (refs.isEmpty() && c.markup().claimRefsMayBeUnmarked()) {
      int referenced = referencedInText(text, number);
      if (referenced > 0) {
        refs.add(referenced);
      }
    }
    Claim claim = new Claim();
    claim.setNumber(number);
    claim.setText(text);
    claim.setIndependent(refs.isEmpty());
    claim.setDependsOn(refs);
    out.add(claim);
  }

  /**
   * The earlier claim a dependent claim's preamble names ("The method of claim 1, ..."), for files
   * that do not mark their references (PAP US20010000044A1): the first "claim N" in the first 200
   * characters with 0 < N < number; -1 when there is none.
   */
  static int referencedInText(String text, int number) {
    int limit = Math.min(text.length(), 200);
    int i = 0;
    while (true) {
      int at = text.indexOf("claim", i);
      if (at < 0 || at >= limit) {
        return -1;
      }
      int j = at + 5;
      if (at > 0 && Character.isLetter(text.charAt(at - 1))) {
        i = j; // "disclaim", not a word of its own
        continue;
      }
      if (j < text.length() && text.charAt(j) == 's') {
        j++;
      }
      if (j < text.length() && text.charAt(j) == ' ') {
        j++;
        int v = 0;
        int digits = 0;
        while (j < text.length() && Character.isDigit(text.charAt(j)) && digits < 4) {
          v = v * 10 + (text.charAt(j) - '0');
          digits++;
          j++;
        }
        if (digits > 0 && (j == text.length() || !Character.isLetterOrDigit(text.charAt(j)))) {
          return v > 0 && v < number ? v : -1;
        }
      }
      i = at + 5;
    }
  }

  /** "1. A system ..." -> "A system ..."; also "1 . A" and "1) A". */
  private static String stripClaimNumber(TextBuffer sb) {
    int n = sb.length();
    int i = 0;
    while (i < n && Character.isDigit(sb.charAt(i))) {
      i++;
    }
    if (i == 0 || i > 4) {
      return sb.toString();
    }
    int j = i;
    while (j < n && sb.charAt(j) == ' ') {
      j++;
    }
    if (j < n && (sb.charAt(j) == '.' || sb.charAt(j) == ')')) {
      j++;
      while (j < n && sb.charAt(j) == ' ') {
        j++;
      }
      return sb.substring(j);
    }
    return sb.toString();
  }
}
