package io.patent2tech.udfs.drawings.image;

import java.io.Serializable;

/**
 * The sizes the drawing analysis works with, in pixels at 300 dpi (the offices' resolution); for
 * other resolutions scale them by {@code dpi / 300}. Why each default is what it is: see
 * docs/drawing-analysis.md.
 *
 * @param minGlyphHeight   smallest character height; smaller pieces are marks (dots, periods)
 * @param maxGlyphHeight   largest character height ("FIG." labels are the largest text, 60-70 px)
 * @param maxGlyphAspect   widest character as width / height (two touching letters pass)
 * @param wordGap          largest gap between letters of one word, as a fraction of their height
 *                         (letters 0.1-0.2, the space in "FIG. 1" about 0.6)
 * @param lineGap          largest gap between words of one text line, as a fraction of their height
 * @param maxStrokeWidth   thickest line a dash, lead line or tick can be
 * @param maxDashLength    longest dash of a broken line
 * @param maxDashGap       longest gap between the dashes of one broken line
 * @param minDashes        fewest dashes (or dots) that make a broken line
 * @param minBrokenLineExtent shortest broken line, end to end (shorter chains are punctuation)
 * @param leadLineReach    how far from a reference numeral a lead line may start
 * @param maxLeadLineLength longest free-standing lead line
 * @param openingRadius    half the side of the square the silhouette is opened with: any stroke at
 *                         most {@code 2 * openingRadius} wide that sticks out of the filled outline
 *                         (an attached lead line, an arrow) is removed
 * @param minLineLength    shortest straight line counted as a feature
 */
public record AnalysisSettings(int minGlyphHeight, int maxGlyphHeight, double maxGlyphAspect, double wordGap,
                               double lineGap, int maxStrokeWidth, int maxDashLength, int maxDashGap,
                               int minDashes, int minBrokenLineExtent, int leadLineReach,
                               int maxLeadLineLength, int openingRadius, int minLineLength)
    implements Serializable {

  /** Sizes for 300 dpi sheets. */
  public static final AnalysisSettings DEFAULT =
      new AnalysisSettings(20, 80, 2.5, 0.4, 1.6, 12, 60, 24, 3, 80, 40, 500, 5, 100);
}
