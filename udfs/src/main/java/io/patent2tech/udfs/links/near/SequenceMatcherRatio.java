package io.patent2tech.udfs.links.near;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Python's {@code difflib.SequenceMatcher(None, a, b, autojunk).ratio()} over sequences of int
 * tokens, ported step for step: the same longest-match search ({@code find_longest_match}), the
 * same recursion left and right of each match ({@code get_matching_blocks}), the same tie-breaking
 * (the earliest longest match), and, when asked, the same "autojunk" rule (in a second sequence of
 * 200 or more tokens, a token occurring more than 1% + 1 times may extend a match but not start
 * one). ratio = 2 * M / T, M the tokens in matching blocks, T the tokens of both sequences.
 *
 * <p>Level 4 verifies with it over word ids (autojunk off, {@link #wordRatio}); the benchmark runs
 * the seed's character ratio (autojunk on, as the seed called it) through it too, so both measure
 * with one implementation. Tokens are ints so that a few thousand words compare without strings or
 * boxing: a token's positions in {@code b} are looked up once per pair, and the match lengths of the
 * previous row live in two reused arrays stamped by row instead of difflib's per-row dictionaries.
 */
public final class SequenceMatcherRatio {

  private SequenceMatcherRatio() {}

  /**
   * The similarity level 4 links by: difflib's ratio of the two word sequences, autojunk off. With
   * autojunk on, frequent words ("the", "said", "claim") could not start a match, so the score would
   * depend on which document comes second and fall for texts that differ only in a few places.
   */
  public static double wordRatio(int[] a, int[] b) {
    return ratio(a, b, false);
  }

  /** difflib's ratio of {@code a} and {@code b}; 1.0 when both are empty, as in Python. */
  public static double ratio(int[] a, int[] b, boolean autojunk) {
    int length = a.length + b.length;
    if (length == 0) {
      return 1.0;
    }
    return 2.0 * matches(a, b, autojunk) / length;
  }

  /** The tokens in difflib's matching blocks of {@code a} and {@code b}. */
  public static int matches(int[] a, int[] b, boolean autojunk) {
    Map<Integer, int[]> b2j = indexOf(b, autojunk);
    int[][] aPositions = new int[a.length][];
    for (int i = 0; i < a.length; i++) {
      aPositions[i] = b2j.get(a[i]); // once per token of a, not once per row of every recursion
    }
    Rows rows = new Rows(b.length);
    int total = 0;
    int[] stack = new int[64];
    int top = 0;
    stack = push(stack, top, 0, a.length, 0, b.length);
    top += 4;
    while (top > 0) {
      top -= 4;
      int alo = stack[top], ahi = stack[top + 1], blo = stack[top + 2], bhi = stack[top + 3];
      longestMatch(a, b, aPositions, rows, alo, ahi, blo, bhi);
      int i = rows.best[0], j = rows.best[1], k = rows.best[2];
      if (k > 0) {
        total += k;
        if (alo < i && blo < j) {
          stack = push(stack, top, alo, i, blo, j);
          top += 4;
        }
        if (i + k < ahi && j + k < bhi) {
          stack = push(stack, top, i + k, ahi, j + k, bhi);
          top += 4;
        }
      }
    }
    return total;
  }

  private static int[] push(int[] stack, int top, int alo, int ahi, int blo, int bhi) {
    int[] s = top + 4 > stack.length ? Arrays.copyOf(stack, stack.length * 2) : stack;
    s[top] = alo;
    s[top + 1] = ahi;
    s[top + 2] = blo;
    s[top + 3] = bhi;
    return s;
  }

  /** difflib's b2j: the ascending positions of each token of b, without the popular ones (autojunk). */
  private static Map<Integer, int[]> indexOf(int[] b, boolean autojunk) {
    Map<Integer, Integer> counts = new HashMap<>();
    for (int token : b) {
      counts.merge(token, 1, Integer::sum);
    }
    int n = b.length;
    int popular = n / 100 + 1;
    Map<Integer, int[]> b2j = new HashMap<>();
    for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
      if (autojunk && n >= 200 && e.getValue() > popular) {
        continue;
      }
      b2j.put(e.getKey(), new int[e.getValue()]);
    }
    Map<Integer, Integer> filled = new HashMap<>();
    for (int j = 0; j < n; j++) {
      int[] positions = b2j.get(b[j]);
      if (positions != null) {
        positions[filled.merge(b[j], 1, Integer::sum) - 1] = j;
      }
    }
    return b2j;
  }

  /**
   * difflib's j2len and newj2len: match lengths ending at each position of b in the previous and
   * the current row of a, valid where their stamp is that row's; one tick per row, so no clearing.
   */
  private static final class Rows {
    int[] prevLength;
    int[] prevStamp;
    int[] length;
    int[] stamp;
    int tick;
    final int[] best = new int[3];

    Rows(int n) {
      prevLength = new int[n + 1];
      prevStamp = new int[n + 1];
      length = new int[n + 1];
      stamp = new int[n + 1];
    }

    void swap() {
      int[] l = prevLength;
      prevLength = length;
      length = l;
      int[] s = prevStamp;
      prevStamp = stamp;
      stamp = s;
    }
  }

  /** difflib's find_longest_match without a junk function: {i, j, size} into {@code rows.best}. */
  private static void longestMatch(int[] a, int[] b, int[][] aPositions, Rows rows,
      int alo, int ahi, int blo, int bhi) {
    int besti = alo, bestj = blo, bestsize = 0;
    rows.tick += 2; // the previous call's last row must not read as this call's previous row
    for (int i = alo; i < ahi; i++) {
      int row = ++rows.tick;
      int[] js = aPositions[i];
      if (js != null) {
        int from = Arrays.binarySearch(js, blo);
        for (int p = from >= 0 ? from : -from - 1; p < js.length; p++) {
          int j = js[p];
          if (j >= bhi) {
            break;
          }
          // index j + 1 holds the length of a match ending at b[j]; index j the one ending at b[j - 1]
          int k = rows.prevStamp[j] == row - 1 ? rows.prevLength[j] + 1 : 1;
          rows.length[j + 1] = k;
          rows.stamp[j + 1] = row;
          if (k > bestsize) {
            besti = i - k + 1;
            bestj = j - k + 1;
            bestsize = k;
          }
        }
      }
      rows.swap();
    }
    // extend by equal tokens on both ends (popular ones included: they are not junk)
    while (besti > alo && bestj > blo && a[besti - 1] == b[bestj - 1]) {
      besti--;
      bestj--;
      bestsize++;
    }
    while (besti + bestsize < ahi && bestj + bestsize < bhi && a[besti + bestsize] == b[bestj + bestsize]) {
      bestsize++;
    }
    rows.best[0] = besti;
    rows.best[1] = bestj;
    rows.best[2] = bestsize;
  }
}
