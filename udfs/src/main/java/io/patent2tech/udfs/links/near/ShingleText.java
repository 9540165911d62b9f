package io.patent2tech.udfs.links.near;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.patent2tech.schema.Claim;
import io.patent2tech.schema.Patent;
import io.patent2tech.udfs.PatentTexts;

/**
 * The words a patent is compared by: title, abstract and every claim, in the patent's language,
 * normalized so that typesetting does not count. Character entities are decoded (a re-typeset copy
 * writes {@code &#8212;} or {@code &amp;} where the original has the character), the text is NFKC
 * folded (full-width and compatibility forms) and lower-cased, and everything that is not a letter,
 * digit or combining mark separates words, so whitespace, line breaks and punctuation all become
 * one boundary. Han, Hiragana and Katakana characters are words of their own: those scripts do not
 * separate words with spaces.
 */
public final class ShingleText {

  private static final Map<String, String> NAMED_ENTITIES = Map.of(
      "amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", " ",
      "mdash", "\u2014", "ndash", "\u2013", "hellip", "\u2026", "deg", "\u00b0");

  private ShingleText() {}

  /** The patent's title, abstract and claims as one text, in that order. */
  public static String of(Patent patent) {
    StringBuilder text = new StringBuilder();
    PatentTexts.title(patent).ifPresent(t -> text.append(t).append('\n'));
    PatentTexts.abstractText(patent).ifPresent(a -> text.append(a).append('\n'));
    for (Claim claim : patent.getClaims()) {
      text.append(claim.getText()).append('\n');
    }
    return text.toString();
  }

  /** The normalized words of {@code text}. */
  public static List<String> words(String text) {
    String folded = Normalizer.normalize(decodeEntities(text), Normalizer.Form.NFKC)
        .toLowerCase(Locale.ROOT);
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < folded.length(); ) {
      int cp = folded.codePointAt(i);
      i += Character.charCount(cp);
      if (isIdeographic(cp)) {
        flush(word, words);
        words.add(new String(Character.toChars(cp)));
      } else if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK) {
        word.appendCodePoint(cp);
      } else {
        flush(word, words);
      }
    }
    flush(word, words);
    return words;
  }

  /** Decodes numeric character references and the common named entities; unknown names become a space. */
  static String decodeEntities(String text) {
    int amp = text.indexOf('&');
    if (amp < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int from = 0;
    while (amp >= 0) {
      int semi = amp + 1;
      while (semi < text.length() && semi - amp <= 10 && isEntityChar(text.charAt(semi))) {
        semi++;
      }
      if (semi == amp + 1 || semi >= text.length() || text.charAt(semi) != ';') {
        out.append(text, from, amp + 1);
        from = amp + 1;
      } else {
        out.append(text, from, amp).append(entity(text.substring(amp + 1, semi)));
        from = semi + 1;
      }
      amp = text.indexOf('&', from);
    }
    return out.append(text, from, text.length()).toString();
  }

  private static boolean isEntityChar(char c) {
    return c == '#' || (c < 0x80 && Character.isLetterOrDigit(c));
  }

  private static String entity(String name) {
    try {
      if (name.startsWith("#x") || name.startsWith("#X")) {
        return new String(Character.toChars(Integer.parseInt(name.substring(2), 16)));
      }
      if (name.startsWith("#")) {
        return new String(Character.toChars(Integer.parseInt(name.substring(1))));
      }
    } catch (IllegalArgumentException e) {
      return " "; // a malformed reference separates words, as an unknown name does
    }
    return NAMED_ENTITIES.getOrDefault(name.toLowerCase(Locale.ROOT), " ");
  }

  private static boolean isIdeographic(int cp) {
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA;
  }

  private static void flush(StringBuilder word, List<String> words) {
    if (word.length() > 0) {
      words.add(word.toString());
      word.setLength(0);
    }
  }
}
