package io.patent2tech.udfs.kipris;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.patent2tech.schema.Claim;
import io.patent2tech.udfs.normalize.Texts;

/**
 * Claims of a KIPRIS detail response: {@code claimInfo/claim} texts such as
 * {@code "2. 제1항에 있어서, 상기 ..."}.
 *
 * <p>Number: the printed number at the start ({@code 2.}, {@code 2)}), removed from the text; else
 * the position (1-based). KIPRIS has no claim-ref markup, so dependencies are read from the words:
 * <ul>
 *   <li>Korean {@code 제N항} ({@code 제1항에 있어서}, {@code 제1항 또는 제2항}, ranges
 *       {@code 제1항 내지 제3항} / {@code 제1항 내지 3항} / {@code 제1항~제3항});</li>
 *   <li>Korean {@code 청구항 N} with bare follow-ups ({@code 청구항 1 또는 2}, {@code 청구항 1 내지 3});</li>
 *   <li>English {@code claim N}, {@code claims 1 to 3}, {@code claims 1, 2 or 4}.</li>
 * </ul>
 * {@code 제N} without {@code 항} ({@code 제1 전극}: "first electrode") is not a reference. Only numbers
 * below the claim's own are kept (a claim cannot depend on a later one; this also drops stray
 * numbers), in order, without duplicates. Independent = no reference.
 */
final class KiprisClaims {

  /** A reference start: 제 N 항 | 청구항 N | claim(s) N. */
  private static final Pattern START = Pattern.compile(
      "제\\s*(\\d{1,4})\\s*항|청구\\s*항\\s*(\\d{1,4})|\\b[Cc]laims?\\s+(\\d{1,4})");
  /** A follow-up after a reference: separator, optional 제/청구항/claim, number, optional 항. */
  private static final Pattern NEXT = Pattern.compile(
      "\\s*(,|또는|및|혹은|내지|~|∼|-|–|or|and|to|through)\\s*(제|청구\\s*항|[Cc]laims?)?\\s*(\\d{1,4})\\s*(항)?");
  private static final int MAX_RANGE = 200;

  private KiprisClaims() {}

  /** @param rawText one {@code claim} element's text; @param position its 1-based position */
  static Claim claim(String rawText, int position) {
    String text = Texts.collapse(rawText);
    if (text == null) {
      text = "";
    }
    int number = position;
    int i = 0;
    while (i < text.length() && i < 5 && Character.isDigit(text.charAt(i))) {
      i++;
    }
    if (i > 0 && i < 5) {
      int j = i;
      while (j < text.length() && text.charAt(j) == ' ') {
        j++;
      }
      if (j < text.length() && (text.charAt(j) == '.' || text.charAt(j) == ')')) {
        number = Integer.parseInt(text.substring(0, i));
        text = text.substring(j + 1).trim();
      }
    }
    List<Integer> refs = references(text, number);
    Claim c = new Claim();
    c.setNumber(number);
    c.setText(text);
    c.setDependsOn(refs);
    c.setIndependent(refs.isEmpty());
    return c;
  }

  /** The claim numbers {@code text} refers to, below {@code own}, in order, without duplicates. */
  static List<Integer> references(String text, int own) {
    List<Integer> out = new ArrayList<>(2);
    Matcher m = START.matcher(text);
    int from = 0;
    while (from < text.length() && m.find(from)) {
      boolean korean = m.group(1) != null;
      int last = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
      add(out, last, own);
      int end = m.end();
      Matcher n = NEXT.matcher(text);
      while (n.region(end, text.length()).lookingAt()) {
        boolean hang = n.group(4) != null;
        boolean je = "제".equals(n.group(2));
        if (korean && je && !hang) {
          break; // "제1항 및 제2 전극": an ordinal, not a claim
        }
        int next = Integer.parseInt(n.group(3));
        String sep = n.group(1);
        if (isRange(sep)) {
          for (int k = last + 1; k <= next && k - last <= MAX_RANGE; k++) {
            add(out, k, own);
          }
        } else {
          add(out, next, own);
        }
        last = next;
        end = n.end();
      }
      from = Math.max(end, m.end());
    }
    return out;
  }

  private static boolean isRange(String sep) {
    switch (sep) {
      case "내지":
      case "~":
      case "∼":
      case "-":
      case "–":
      case "to":
      case "through":
        return true;
      default:
        return false;
    }
  }

  private static void add(List<Integer> out, int n, int own) {
    if (n >= 1 && n < own && !out.contains(n)) {
      out.add(n);
    }
  }
}
