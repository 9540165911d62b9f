package io.patent2tech.udfs.drawings.image;

import java.util.ArrayList;
import java.util.List;

import io.patent2tech.udfs.drawings.image.TextRegion.Kind;

/**
 * Analyses one drawing sheet or figure image: what is text, what is drawing, the silhouette of the
 * object, and the drawing type. Pure: an image (and the view text, if known) in, a
 * {@link DrawingAnalysis} out. Steps, each in its own class:
 * <ol>
 *   <li>8-connected components of the ink ({@link ConnectedComponents});</li>
 *   <li>broken (dashed, dotted) lines ({@link BrokenLines});</li>
 *   <li>text: figure labels, reference numerals, other text ({@link TextFinder}); a figure label
 *       that a drawing component comes near is demoted to text;</li>
 *   <li>free lead lines: thin strokes (at most {@code maxStrokeWidth} thick, length over thickness
 *       3 or more, at most {@code maxLeadLineLength} long) that reach within
 *       {@code leadLineReach} of a reference numeral;</li>
 *   <li>the silhouette ({@link #silhouette}): the largest remaining component (by box area) and
 *       those overlapping its box, holes filled, opened to drop attached lead lines and arrows;</li>
 *   <li>features and type ({@link DrawingFeatures}, {@link DrawingClassifier}).</li>
 * </ol>
 * Details and what fails: docs/drawing-analysis.md.
 */
public final class DrawingAnalyzer {

  private DrawingAnalyzer() {}

  public static DrawingAnalysis analyze(BinaryImage sheet, String viewText) {
    return analyze(sheet, viewText, AnalysisSettings.DEFAULT);
  }

  /**
   * @param viewText the figure's sentence from the brief description of the drawings, or null
   */
  public static DrawingAnalysis analyze(BinaryImage sheet, String viewText, AnalysisSettings s) {
    ConnectedComponents cc = ConnectedComponents.of(sheet);
    List<Component> comps = cc.components();
    int n = comps.size();

    List<Box> brokenLines = new ArrayList<>();
    boolean[] broken = BrokenLines.find(comps, null, s, brokenLines);

    List<TextRegion> found = TextFinder.find(comps, broken, s);
    boolean[] text = new boolean[n];
    for (TextRegion t : found) {
      for (int id : t.components()) {
        text[id] = true;
      }
    }
    List<TextRegion> regions = new ArrayList<>(found.size());
    for (TextRegion t : found) {
      if (t.kind() == Kind.FIGURE_LABEL && !standsApart(t, comps, text, broken)) {
        t = new TextRegion(Kind.TEXT, t.box(), t.components(), t.words(), t.glyphs());
      }
      regions.add(t);
    }

    boolean[] lead = new boolean[n];
    List<Box> leadLines = new ArrayList<>();
    for (Component c : comps) {
      if (!text[c.id()] && !broken[c.id()] && isLeadLine(c, regions, s)) {
        lead[c.id()] = true;
        leadLines.add(c.box());
      }
    }

    boolean[] keep = new boolean[n];
    for (int i = 0; i < n; i++) {
      keep[i] = !text[i] && !broken[i] && !lead[i];
    }
    BinaryImage drawing = cc.paint(keep);
    FilledOutline silhouette = silhouette(cc, keep, s);
    DrawingFeatures features = DrawingFeatures.of(drawing, regions, brokenLines, s);
    DrawingClassifier.Decision decision = DrawingClassifier.classify(features, viewText);
    return new DrawingAnalysis(drawing, regions, brokenLines, leadLines, silhouette, decision.type(),
        decision.reason(), features);
  }

  /** No drawing component within half the label's height of it. */
  private static boolean standsApart(TextRegion label, List<Component> comps, boolean[] text, boolean[] broken) {
    Box near = label.box().grow(label.box().height() / 2);
    for (Component c : comps) {
      if (!text[c.id()] && !broken[c.id()] && near.intersects(c.box())) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLeadLine(Component c, List<TextRegion> regions, AnalysisSettings s) {
    if (c.thickness() > s.maxStrokeWidth() || c.elongation() < 3 || c.length() > s.maxLeadLineLength()) {
      return false;
    }
    for (TextRegion t : regions) {
      if (t.kind() == Kind.REFERENCE && t.box().grow(s.leadLineReach()).intersects(c.box())
          && !c.box().contains(t.box())) {
        return true;
      }
    }
    return false;
  }

  /** How many of the largest components are tried as the main object before giving up. */
  static final int MAIN_CANDIDATES = 10;

  /**
   * The filled outline of the main object: the kept component with the largest box and every kept
   * component whose box overlaps it (parts drawn apart from the outline, inner details), holes
   * filled ({@link Morphology#fillHoles}), then opened with a square of side
   * {@code 2 * openingRadius + 1} so that strokes sticking out of the outline (lead lines touching
   * it, arrows, axes of symmetry) vanish. Pieces of the result under 1% of the largest are
   * dropped. When nothing survives (the largest component encloses nothing: a table rule, an open
   * line), the next largest is tried, up to {@value #MAIN_CANDIDATES}; null when none encloses an
   * area wider than the opening.
   */
  static FilledOutline silhouette(ConnectedComponents cc, boolean[] keep, AnalysisSettings s) {
    List<Component> candidates = new ArrayList<>();
    for (Component c : cc.components()) {
      if (keep[c.id()]) {
        candidates.add(c);
      }
    }
    candidates.sort((a, b) -> Long.compare(b.box().area(), a.box().area()));
    for (Component main : candidates.subList(0, Math.min(MAIN_CANDIDATES, candidates.size()))) {
      FilledOutline found = silhouetteOf(main, cc, keep, s);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static FilledOutline silhouetteOf(Component main, ConnectedComponents cc, boolean[] keep, AnalysisSettings s) {
    boolean[] group = new boolean[keep.length];
    Box groupBox = main.box();
    for (Component c : cc.components()) {
      if (keep[c.id()] && c.box().intersects(main.box())) {
        group[c.id()] = true;
        groupBox = groupBox.union(c.box());
      }
    }
    // a margin wider than the opening, so the crop's border never touches the object
    Box frame = groupBox.grow(s.openingRadius() + 2);
    BinaryImage object = cc.paint(group).crop(frame);
    BinaryImage opened = Morphology.open(Morphology.fillHoles(object), s.openingRadius());
    ConnectedComponents pieces = ConnectedComponents.of(opened);
    int largest = 0;
    for (Component p : pieces.components()) {
      largest = Math.max(largest, p.pixels());
    }
    if (largest == 0) {
      return null;
    }
    boolean[] big = new boolean[pieces.components().size()];
    for (Component p : pieces.components()) {
      big[p.id()] = p.pixels() * 100L >= largest;
    }
    BinaryImage kept = pieces.paint(big);
    Box tight = kept.inkBox();
    Box onSheet = new Box(tight.minX() + frame.minX(), tight.minY() + frame.minY(), tight.maxX() + frame.minX(),
        tight.maxY() + frame.minY());
    return new FilledOutline(kept.crop(tight), onSheet);
  }
}
