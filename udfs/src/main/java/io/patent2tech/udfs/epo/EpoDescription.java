package io.patent2tech.udfs.epo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.patent2tech.schema.DescriptionSection;
import io.patent2tech.udfs.normalize.Texts;

/**
 * Description sections from the {@code p} elements of an OPS description response. OPS full text is
 * flat: headings are paragraphs of their own ("Field", " Background ", "Brief description") and
 * numbered paragraphs start with {@code [0001]}. A short paragraph without a paragraph number and
 * without a final full stop is read as a heading; it opens a new section whose kind comes from its
 * words (background, summary, brief-description-of-drawings, detailed-description; anything else
 * other). Paragraphs before the first heading form a section with heading null, kind other. The
 * {@code [0001]} markers are removed from the text (they are print layout, not content).
 */
final class EpoDescription {

  private static final Pattern PARAGRAPH_NUMBER = Pattern.compile("^\\[\\d{1,5}\\]\\s*");
  private static final int HEADING_MAX = 80;

  private EpoDescription() {}

  static List<DescriptionSection> of(List<String> paragraphs) {
    List<DescriptionSection> out = new ArrayList<>();
    String heading = null;
    StringBuilder text = new StringBuilder();
    for (String raw : paragraphs) {
      String p = Texts.collapse(raw);
      if (p == null) {
        continue;
      }
      if (isHeading(p)) {
        flush(out, heading, text);
        heading = p;
        continue;
      }
      String body = PARAGRAPH_NUMBER.matcher(p).replaceFirst("");
      if (!body.isEmpty()) {
        text.append(text.length() == 0 ? "" : "\n").append(body);
      }
    }
    flush(out, heading, text);
    return out;
  }

  static boolean isHeading(String p) {
    if (p.length() > HEADING_MAX || PARAGRAPH_NUMBER.matcher(p).find()) {
      return false;
    }
    char last = p.charAt(p.length() - 1);
    return last != '.' && last != ';' && last != ',' && Character.isLetter(p.charAt(0));
  }

  private static void flush(List<DescriptionSection> out, String heading, StringBuilder text) {
    if (text.length() > 0) {
      out.add(new DescriptionSection(section(heading), heading, text.toString()));
    } // a heading with no paragraph under it is layout only: dropped
    text.setLength(0);
  }

  /** The schema's section kind for a heading; other when the words do not say. */
  static String section(String heading) {
    if (heading == null) {
      return "other";
    }
    String h = heading.toLowerCase(Locale.ROOT);
    if (h.contains("drawing") || h.contains("figure") || h.contains("zeichnung") || h.contains("dessin")) {
      return "brief-description-of-drawings";
    }
    if (h.contains("background") || h.contains("prior art") || h.contains("stand der technik")
        || h.contains("hintergrund") || h.contains("état de la technique")) {
      return "background";
    }
    if (h.contains("detailed description") || h.contains("embodiment") || h.contains("ausführungs")
        || h.contains("description détaillée") || h.contains("mode de réalisation")) {
      return "detailed-description";
    }
    if (h.contains("summary") || h.contains("brief description") || h.contains("disclosure of the invention")
        || h.contains("zusammenfassung") || h.contains("résumé") || h.contains("exposé de l'invention")) {
      return "summary";
    }
    if (h.contains("cross-reference") || h.contains("cross reference") || h.contains("related application")) {
      return "cross-reference";
    }
    return "other";
  }
}
