package io.patent2tech.udfs.drawings.image;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides a {@link DrawingType} from the view text and the {@link DrawingFeatures}, first match wins:
 * <ol>
 *   <li>The view text ("FIG. 4 is a flow chart of ...", from the brief description of the
 *       drawings), when it names a type: flow chart / flow diagram -> FLOWCHART; graph, plot,
 *       chart, waveform, timing diagram -> GRAPH; schematic, block diagram, circuit, wiring
 *       diagram -> SCHEMATIC; floor plan, site plan, building -> ARCHITECTURAL. The applicant's
 *       own words beat any image measure.</li>
 *   <li>GRAPH: {@code axes} and a {@code curve}.</li>
 *   <li>FLOWCHART: at least 3 text boxes, at least half of all boxes hold text, and at least 2 of
 *       them are joined to something.</li>
 *   <li>The seed's rules (docs/drawing-analysis.md): circles and line density above 0.1 ->
 *       MECHANICAL; more than 10 straight lines and density above 0.05 -> ARCHITECTURAL; density
 *       below 0.03 -> SCHEMATIC; otherwise GENERAL.</li>
 * </ol>
 */
public final class DrawingClassifier {

  static final double MECHANICAL_DENSITY = 0.1;
  static final double ARCHITECTURAL_DENSITY = 0.05;
  static final int ARCHITECTURAL_LINES = 10;
  static final double SCHEMATIC_DENSITY = 0.03;

  private static final Pattern FLOWCHART_WORDS = Pattern.compile("\\bflow[ -]?(chart|diagram)s?\\b");
  private static final Pattern GRAPH_WORDS =
      Pattern.compile("\\b(graphs?|plots?|charts?|waveforms?|timing diagrams?|curves?)\\b");
  private static final Pattern SCHEMATIC_WORDS =
      Pattern.compile("\\b(schematic(al(ly)?)?|block diagrams?|circuits?|circuit diagrams?|wiring diagrams?)\\b");
  private static final Pattern ARCHITECTURAL_WORDS = Pattern.compile("\\b(floor plans?|site plans?|buildings?)\\b");

  private DrawingClassifier() {}

  /** A type and the reason for it, in words. */
  public record Decision(DrawingType type, String reason) {}

  public static Decision classify(DrawingFeatures f, String viewText) {
    if (viewText != null) {
      String t = viewText.toLowerCase(Locale.ROOT);
      if (FLOWCHART_WORDS.matcher(t).find()) {
        return new Decision(DrawingType.FLOWCHART, "view text names a flow chart");
      }
      if (SCHEMATIC_WORDS.matcher(t).find()) {
        return new Decision(DrawingType.SCHEMATIC, "view text names a schematic, block or circuit diagram");
      }
      if (GRAPH_WORDS.matcher(t).find()) {
        return new Decision(DrawingType.GRAPH, "view text names a graph, plot or chart");
      }
      if (ARCHITECTURAL_WORDS.matcher(t).find()) {
        return new Decision(DrawingType.ARCHITECTURAL, "view text names a plan or building");
      }
    }
    if (f.axes() && f.curve()) {
      return new Decision(DrawingType.GRAPH, "two perpendicular axes with a curve between them (" + f.ticks() + " ticks)");
    }
    if (f.textBoxes() >= 3 && 2 * f.textBoxes() >= f.boxes() && f.joinedBoxes() >= 2) {
      return new Decision(DrawingType.FLOWCHART, f.textBoxes() + " of " + f.boxes() + " boxes hold text, "
          + f.joinedBoxes() + " joined to lines or arrows");
    }
    String density = String.format(Locale.ROOT, "line density %.3f", f.lineDensity());
    if (f.circles() > 0 && f.lineDensity() > MECHANICAL_DENSITY) {
      return new Decision(DrawingType.MECHANICAL, f.circles() + " circles, " + density);
    }
    if (f.straightLines() > ARCHITECTURAL_LINES && f.lineDensity() > ARCHITECTURAL_DENSITY) {
      return new Decision(DrawingType.ARCHITECTURAL, f.straightLines() + " straight lines, " + density);
    }
    if (f.lineDensity() < SCHEMATIC_DENSITY) {
      return new Decision(DrawingType.SCHEMATIC, density + " (sparse)");
    }
    return new Decision(DrawingType.GENERAL, density + ", " + f.circles() + " circles, "
        + f.straightLines() + " straight lines");
  }
}
