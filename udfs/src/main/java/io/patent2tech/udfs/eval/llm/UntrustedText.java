package io.patent2tech.udfs.eval.llm;

import java.util.regex.Pattern;

/**
 * Puts untrusted text (patent text, retrieved passages) into the delimited data blocks of a prompt
 * so that nothing in it can end a block or pose as one.
 *
 * <p>What the text goes through, in this order:
 *
 * <ol>
 *   <li>cut to a maximum length (at a code point boundary, marked with " [...]"), so one huge claim
 *       cannot crowd the instructions out of the model's context;
 *   <li>invisible characters removed: control characters other than newline and tab, and format
 *       characters (zero-width spaces and joiners, bidirectional overrides, BOM, soft hyphen),
 *       which can hide or reorder what a reader sees; CR, CRLF, U+2028/U+2029 become newlines;
 *   <li>every angle bracket a tag could be written with ({@code < >} and their fullwidth and small
 *       forms) replaced by {@code &lt;} / {@code &gt;}: no tag, and in particular no closing {@code
 *       </patent_text>}, can appear in the data;
 *   <li>the block names themselves ({@code patent_text}, {@code reference_text}, also written with
 *       a fullwidth underscore or spaces around it) turned into plain words, so lookalike tags made
 *       with other bracket characters ({@code 〈/patent_text〉}) do not name a block either.
 * </ol>
 */
final class UntrustedText {

  static final String PATENT_BLOCK = "patent_text";
  static final String REFERENCE_BLOCK = "reference_text";

  private static final String TRUNCATED = " [...]";
  private static final int MAX_SOURCE_CHARS = 120;
  private static final Pattern BLOCK_NAME =
      Pattern.compile("(?iu)(patent|reference)\\s*[_\uFF3F]\\s*(text)");

  private UntrustedText() {}

  /** {@code text} (null reads as empty) cleaned and wrapped in a {@code patent_text} block. */
  static String patentBlock(String text, int maxChars) {
    return "<" + PATENT_BLOCK + ">\n" + clean(text, maxChars) + "\n</" + PATENT_BLOCK + ">";
  }

  /** A retrieved passage cleaned and wrapped in a {@code reference_text} block with its source. */
  static String referenceBlock(Passage passage, int maxChars) {
    String source = clean(passage.source(), MAX_SOURCE_CHARS).replace('\n', ' ').replace("\"", "'");
    return "<"
        + REFERENCE_BLOCK
        + " source=\""
        + source
        + "\">\n"
        + clean(passage.text(), maxChars)
        + "\n</"
        + REFERENCE_BLOCK
        + ">";
  }

  /** The text as it may appear inside a block (see the class comment), trimmed. */
  static String clean(String text, int maxChars) {
    if (text == null) {
      return "";
    }
    String cut = truncate(text.strip(), maxChars);
    StringBuilder out = new StringBuilder(cut.length() + 16);
    for (int i = 0; i < cut.length(); ) {
      int cp = cut.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\r') {
        out.append('\n');
        if (i < cut.length() && cut.charAt(i) == '\n') {
          i++;
        }
      } else if (cp == '\u2028' || cp == '\u2029') {
        out.append('\n');
      } else if (cp == '<' || cp == '\uFF1C' || cp == '\uFE64') {
        out.append("&lt;");
      } else if (cp == '>' || cp == '\uFF1E' || cp == '\uFE65') {
        out.append("&gt;");
      } else if (!isInvisible(cp)) {
        out.appendCodePoint(cp);
      }
    }
    return BLOCK_NAME.matcher(out).replaceAll("$1 $2");
  }

  private static boolean isInvisible(int cp) {
    int type = Character.getType(cp);
    return (type == Character.CONTROL && cp != '\n' && cp != '\t') || type == Character.FORMAT;
  }

  private static String truncate(String text, int maxChars) {
    if (text.length() <= maxChars) {
      return text;
    }
    int end = maxChars;
    if (Character.isLowSurrogate(text.charAt(end))
        && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + TRUNCATED;
  }
}
