package io.patent2tech.udfs.embed;

import io.patent2tech.schema.Patent;
import io.patent2tech.udfs.PatentTexts;
import java.util.StringJoiner;

/**
 * The text a patent is embedded from (docs/design.md section 6): title, abstract and the first
 * independent claim, one per line, in the patent's language where the record has several.
 *
 * <p>Two cuts apply. Here, the text is capped at {@link #MAX_CHARS} characters (at a word
 * boundary), which bounds the work for patents with enormous claims and is more than any model's
 * window holds. Then the embedder keeps what fits its token window: for the default model 510
 * WordPiece tokens, about 2,000 to 2,500 characters of English patent prose, so title and abstract
 * are always seen and a long claim loses its tail (docs/embeddings.md).
 */
public final class EmbeddingText {

  public static final int MAX_CHARS = 4000;

  private EmbeddingText() {}

  /** The text, or an empty string when the patent has no title, abstract or claim text. */
  public static String of(Patent patent) {
    StringJoiner text = new StringJoiner("\n");
    PatentTexts.title(patent).ifPresent(text::add);
    PatentTexts.abstractText(patent).ifPresent(text::add);
    PatentTexts.firstIndependentClaim(patent).ifPresent(text::add);
    return cap(text.toString());
  }

  private static String cap(String text) {
    if (text.length() <= MAX_CHARS) {
      return text;
    }
    int end = MAX_CHARS;
    if (Character.isLowSurrogate(text.charAt(end))) {
      end--;
    }
    int space = text.lastIndexOf(' ', end);
    return text.substring(0, space > MAX_CHARS / 2 ? space : end).stripTrailing();
  }
}
