package io.patent2tech.udfs.uspto;

import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamException;

import io.patent2tech.schema.Claim;
import io.patent2tech.udfs.normalize.ClaimReferences;

/**
 * One claim in any of the formats ({@code claim}, PAP {@code claim}, ST.32 {@code CLM}): number,
 * text with the printed number removed, and the claims it depends on from its claim references (PAP
 * and ST.32 claims without any: from the words, {@link ClaimReferences}).
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
      refs = ClaimReferences.dependsOn(text, number); // files that mark no reference (PAP US20010000044A1)
    }
    Claim claim = new Claim();
    claim.setNumber(number);
    claim.setText(text);
    claim.setIndependent(refs.isEmpty());
    claim.setDependsOn(refs);
    out.add(claim);
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
