package io.patent2tech.udfs.drawings.image;

import java.util.List;

/**
 * What {@link DrawingAnalyzer} found on one sheet or figure image.
 *
 * @param drawing     the ink less text, broken lines and free lead lines (lead lines attached to
 *                    the outline stay here; the silhouette drops them)
 * @param text        the text lines found and removed, with their kind
 * @param brokenLines boxes of the dashed or dotted lines removed
 * @param leadLines   boxes of the free-standing lead lines removed (a stroke starting next to a
 *                    reference numeral)
 * @param silhouette  the filled outline of the main object, or null when nothing encloses an area
 * @param type        the drawing type
 * @param typeReason  why, in words
 * @param features    the measurements the type was decided on
 */
public record DrawingAnalysis(BinaryImage drawing, List<TextRegion> text, List<Box> brokenLines,
                              List<Box> leadLines, FilledOutline silhouette, DrawingType type, String typeReason,
                              DrawingFeatures features) {

  /** The text regions of one kind. */
  public List<TextRegion> text(TextRegion.Kind kind) {
    return text.stream().filter(t -> t.kind() == kind).toList();
  }
}
