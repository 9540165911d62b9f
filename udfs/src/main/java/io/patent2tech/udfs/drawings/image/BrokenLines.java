package io.patent2tech.udfs.drawings.image;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds broken lines: dashed and dotted lines (environment, hidden edges, "piconet" ellipses) made
 * of many short pieces.
 *
 * <p>A piece is a dash (a stroke at most {@code maxStrokeWidth} thick and {@code maxDashLength}
 * long) or a dot (both sides at most {@code maxStrokeWidth}). Two pieces link when the gap between
 * them is at most {@code maxDashGap} and, for each elongated piece (length over thickness 2.5 or
 * more), the step from one to the other runs within 25 degrees of its own direction: dashes of one
 * line follow each other along their axis, whereas the bars of "11" stand side by side. Linked
 * pieces form a chain; a chain of at least {@code minDashes} pieces spanning at least
 * {@code minBrokenLineExtent} pixels is a broken line (straight or gently curved). The extent rule
 * keeps an ellipsis or a colon from counting.
 */
public final class BrokenLines {

  private static final double MAX_TURN = Math.toRadians(25);

  private BrokenLines() {}

  /**
   * @param skip components not to consider (already known to be something else), may be null
   * @return per component id, true when it is part of a broken line; the lines' boxes go to {@code lines}
   */
  public static boolean[] find(List<Component> components, boolean[] skip, AnalysisSettings s, List<Box> lines) {
    int n = components.size();
    boolean[] member = new boolean[n];
    List<Component> pieces = new ArrayList<>();
    for (Component c : components) {
      if ((skip == null || !skip[c.id()]) && isPiece(c, s)) {
        pieces.add(c);
      }
    }
    // sort by x so each piece only looks at neighbours within reach
    pieces.sort((a, b) -> Integer.compare(a.box().minX(), b.box().minX()));
    int m = pieces.size();
    int[] parent = new int[m];
    for (int i = 0; i < m; i++) {
      parent[i] = i;
    }
    int reach = s.maxDashLength() + s.maxDashGap();
    for (int i = 0; i < m; i++) {
      Component a = pieces.get(i);
      for (int j = i + 1; j < m; j++) {
        Component b = pieces.get(j);
        if (b.box().minX() > a.box().maxX() + reach) {
          break;
        }
        if (linked(a, b, s)) {
          union(parent, i, j);
        }
      }
    }
    int[] size = new int[m];
    Box[] extent = new Box[m];
    for (int i = 0; i < m; i++) {
      int r = find(parent, i);
      size[r]++;
      extent[r] = extent[r] == null ? pieces.get(i).box() : extent[r].union(pieces.get(i).box());
    }
    boolean[] isLine = new boolean[m];
    for (int r = 0; r < m; r++) {
      if (size[r] >= s.minDashes() && Math.max(extent[r].width(), extent[r].height()) >= s.minBrokenLineExtent()) {
        isLine[r] = true;
        lines.add(extent[r]);
      }
    }
    for (int i = 0; i < m; i++) {
      if (isLine[find(parent, i)]) {
        member[pieces.get(i).id()] = true;
      }
    }
    return member;
  }

  static boolean isPiece(Component c, AnalysisSettings s) {
    boolean dot = c.box().width() <= s.maxStrokeWidth() && c.box().height() <= s.maxStrokeWidth();
    boolean dash = c.thickness() <= s.maxStrokeWidth() && c.length() <= s.maxDashLength();
    return dot || dash;
  }

  private static boolean linked(Component a, Component b, AnalysisSettings s) {
    int gap = Math.max(a.box().horizontalGap(b.box()), verticalGap(a.box(), b.box()));
    if (gap > s.maxDashGap()) {
      return false;
    }
    double step = Math.atan2(b.cy() - a.cy(), b.cx() - a.cx());
    return alongAxis(a, step) && alongAxis(b, step);
  }

  /** True for a dot, or when the step runs along the piece's own direction. */
  private static boolean alongAxis(Component c, double step) {
    if (c.elongation() < 2.5) {
      return true;
    }
    double d = Math.abs(step - c.angle()) % Math.PI;
    return Math.min(d, Math.PI - d) <= MAX_TURN;
  }

  private static int verticalGap(Box a, Box b) {
    return Math.max(b.minY() - a.maxY(), a.minY() - b.maxY()) - 1;
  }

  private static int find(int[] p, int i) {
    while (p[i] != i) {
      p[i] = p[p[i]];
      i = p[i];
    }
    return i;
  }

  private static void union(int[] p, int a, int b) {
    int ra = find(p, a);
    int rb = find(p, b);
    if (ra != rb) {
      p[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
}
