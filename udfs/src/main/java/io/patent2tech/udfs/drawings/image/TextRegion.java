package io.patent2tech.udfs.drawings.image;

import java.util.List;

/**
 * One line of text found on a drawing: a figure label, a reference numeral, or other text.
 *
 * @param kind        what the text is, from its shape (no character recognition)
 * @param box         tight box around all its components
 * @param components  ids of its components (glyphs and the dots, periods and i-dots joined to them)
 * @param words       number of words
 * @param glyphs      number of character-sized components
 */
public record TextRegion(Kind kind, Box box, List<Integer> components, int words, int glyphs) {

  public enum Kind {
    /** "FIG. 1", "Fig 3A": two or more words, the first of three glyphs whose second is a narrow
     *  bar (the I), standing apart from the drawing. */
    FIGURE_LABEL,
    /** A single word of one to four glyphs: a reference numeral such as "10" or "102a". */
    REFERENCE,
    /** Anything else: words inside boxes, headers, page numbers, legends. */
    TEXT
  }
}
