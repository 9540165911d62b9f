package io.patent2tech.udfs.drawings.image;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import io.patent2tech.udfs.drawings.image.TextRegion.Kind;

/**
 * Finds text on a drawing sheet from the shapes of its components, without reading it.
 *
 * <ol>
 *   <li>Glyphs: components between {@code minGlyphHeight} and {@code maxGlyphHeight} tall and at
 *       most {@code maxGlyphAspect} times as wide as tall. Patent drawings letter with separate
 *       characters (no joined script), so one glyph is one component, or two touching ones.</li>
 *   <li>Words: glyphs that share at least half their rows and stand at most {@code wordGap} times
 *       their height apart; lines: words at most {@code lineGap} times their height apart.</li>
 *   <li>Marks (components smaller than a glyph: periods, i-dots, colons) join the line whose box,
 *       grown by a quarter of its height, holds them.</li>
 *   <li>Kinds, see {@link Kind}: a figure label is a line of two or more words whose first word has
 *       three glyphs (F, I, G) with a narrow second one (the I, at most 0.35 of the
 *       word's height wide), and that no drawing component comes near (within half its height):
 *       labels stand apart, below or beside their figure. A single short word is a reference
 *       numeral; everything else is text.</li>
 * </ol>
 * Limits: a glyph that touches a drawing line is part of the drawing's component and stays there;
 * a short separate piece of the drawing of character size (a small ring, a short bar) is taken for
 * a glyph.
 */
public final class TextFinder {

  private TextFinder() {}

  /**
   * @param skip components already known not to be text (broken lines), may be null
   */
  public static List<TextRegion> find(List<Component> components, boolean[] skip, AnalysisSettings s) {
    List<Component> glyphs = new ArrayList<>();
    List<Component> marks = new ArrayList<>();
    for (Component c : components) {
      if (skip != null && skip[c.id()]) {
        continue;
      }
      Box b = c.box();
      if (b.height() >= s.minGlyphHeight() && b.height() <= s.maxGlyphHeight()
          && b.width() <= s.maxGlyphAspect() * b.height()) {
        glyphs.add(c);
      } else if (b.height() < s.minGlyphHeight() && b.width() < s.minGlyphHeight()) {
        marks.add(c);
      }
    }
    glyphs.sort(Comparator.comparingInt(c -> c.box().minX()));

    // words: glyphs side by side on one line
    int n = glyphs.size();
    int[] word = new int[n];
    for (int i = 0; i < n; i++) {
      word[i] = i;
    }
    for (int i = 0; i < n; i++) {
      Box a = glyphs.get(i).box();
      for (int j = i + 1; j < n; j++) {
        Box b = glyphs.get(j).box();
        int h = Math.max(a.height(), b.height());
        if (b.minX() > a.maxX() + s.wordGap() * h) {
          break;
        }
        if (a.verticalOverlap(b) >= 0.5 && a.horizontalGap(b) <= s.wordGap() * h) {
          union(word, i, j);
        }
      }
    }
    List<Word> words = new ArrayList<>();
    Word[] byRoot = new Word[n];
    for (int i = 0; i < n; i++) {
      int r = find(word, i);
      if (byRoot[r] == null) {
        byRoot[r] = new Word();
        words.add(byRoot[r]);
      }
      byRoot[r].add(glyphs.get(i));
    }

    // lines: words side by side
    words.sort(Comparator.comparingInt(w -> w.box.minX()));
    int m = words.size();
    int[] line = new int[m];
    for (int i = 0; i < m; i++) {
      line[i] = i;
    }
    for (int i = 0; i < m; i++) {
      Box a = words.get(i).box;
      for (int j = i + 1; j < m; j++) {
        Box b = words.get(j).box;
        int h = Math.max(a.height(), b.height());
        if (b.minX() > a.maxX() + s.lineGap() * h) {
          break;
        }
        if (a.verticalOverlap(b) >= 0.5 && a.horizontalGap(b) <= s.lineGap() * h) {
          union(line, i, j);
        }
      }
    }
    List<List<Word>> lines = new ArrayList<>();
    int[] lineIndex = new int[m];
    Arrays.fill(lineIndex, -1);
    for (int i = 0; i < m; i++) {
      int r = find(line, i);
      if (lineIndex[r] < 0) {
        lineIndex[r] = lines.size();
        lines.add(new ArrayList<>());
      }
      lines.get(lineIndex[r]).add(words.get(i));
    }

    List<TextRegion> out = new ArrayList<>(lines.size());
    for (List<Word> ws : lines) {
      Box box = ws.get(0).box;
      List<Integer> ids = new ArrayList<>();
      int glyphCount = 0;
      for (Word w : ws) {
        box = box.union(w.box);
        glyphCount += w.glyphs.size();
        for (Component g : w.glyphs) {
          ids.add(g.id());
        }
      }
      Box reach = box.grow(Math.max(2, box.height() / 4));
      for (Component mk : marks) {
        if (reach.contains(mk.box())) {
          ids.add(mk.id());
          box = box.union(mk.box());
        }
      }
      out.add(new TextRegion(looksLikeLabel(ws) ? Kind.FIGURE_LABEL
          : ws.size() == 1 && glyphCount <= 4 ? Kind.REFERENCE : Kind.TEXT, box, ids, ws.size(), glyphCount));
    }
    return out;
  }

  /**
   * The shape of "FIG. n": two or more words, the first of 3 glyphs whose second is a narrow bar.
   * "FIGURE n" is not recognised: six glyphs with a narrow second one fit too many words
   * ("PICONET" with two letters touching). Whether the label stands apart from the drawing is checked by the caller,
   * which knows the drawing.
   */
  private static boolean looksLikeLabel(List<Word> ws) {
    if (ws.size() < 2) {
      return false;
    }
    Word first = ws.get(0);
    if (first.glyphs.size() != 3) {
      return false;
    }
    Component second = first.glyphs.get(1);
    return second.box().width() <= 0.35 * first.box.height() && second.box().height() >= 0.5 * first.box.height();
  }

  /** A word's glyphs, left to right, and its box. */
  private static final class Word {
    final List<Component> glyphs = new ArrayList<>();
    Box box;

    void add(Component c) {
      glyphs.add(c);
      box = box == null ? c.box() : box.union(c.box());
    }
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
