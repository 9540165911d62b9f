package io.patent2tech.bench;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The seed's similarity (seed 000 section 11.5): Python's {@code difflib.SequenceMatcher(None, a,
 * b).ratio()} over characters, ported step for step so the benchmark measures the seed's method and
 * not a relative of it: the same longest-match search, the same recursion over the pieces left and
 * right of each match, and the same "autojunk" rule (in a second string of 200 or more characters,
 * a character occurring more than 1% + 1 times is not used to start a match, only to extend one).
 * ratio = 2 * matched characters / (|a| + |b|).
 */
final class SequenceMatcherRatio {

  private SequenceMatcherRatio() {}

  static double ratio(String a, String b) {
    int length = a.length() + b.length();
    if (length == 0) {
      return 1.0;
    }
    return 2.0 * matches(a, b) / length;
  }

  /** The seed's pair score: title ratio and abstract ratio, averaged. */
  static double seedSimilarity(String titleA, String abstractA, String titleB, String abstractB) {
    return (ratio(titleA, titleB) + ratio(abstractA, abstractB)) / 2;
  }

  private static int matches(String a, String b) {
    Map<Character, int[]> b2j = indexOf(b);
    int total = 0;
    Deque<int[]> queue = new ArrayDeque<>();
    queue.push(new int[] {0, a.length(), 0, b.length()});
    while (!queue.isEmpty()) {
      int[] q = queue.pop();
      int alo = q[0], ahi = q[1], blo = q[2], bhi = q[3];
      int[] m = longestMatch(a, b, b2j, alo, ahi, blo, bhi);
      int i = m[0], j = m[1], k = m[2];
      if (k > 0) {
        total += k;
        if (alo < i && blo < j) {
          queue.push(new int[] {alo, i, blo, j});
        }
        if (i + k < ahi && j + k < bhi) {
          queue.push(new int[] {i + k, ahi, j + k, bhi});
        }
      }
    }
    return total;
  }

  /** b2j of difflib: positions of each character of b, without the popular ones (autojunk). */
  private static Map<Character, int[]> indexOf(String b) {
    Map<Character, List<Integer>> positions = new HashMap<>();
    for (int j = 0; j < b.length(); j++) {
      positions.computeIfAbsent(b.charAt(j), c -> new ArrayList<>()).add(j);
    }
    int n = b.length();
    int popular = n / 100 + 1;
    Map<Character, int[]> b2j = new HashMap<>();
    for (Map.Entry<Character, List<Integer>> e : positions.entrySet()) {
      if (n >= 200 && e.getValue().size() > popular) {
        continue;
      }
      b2j.put(e.getKey(), e.getValue().stream().mapToInt(Integer::intValue).toArray());
    }
    return b2j;
  }

  /** difflib's find_longest_match with no junk function: {i, j, size}. */
  private static int[] longestMatch(String a, String b, Map<Character, int[]> b2j,
      int alo, int ahi, int blo, int bhi) {
    int besti = alo, bestj = blo, bestsize = 0;
    Map<Integer, Integer> j2len = new HashMap<>();
    for (int i = alo; i < ahi; i++) {
      Map<Integer, Integer> newj2len = new HashMap<>();
      int[] js = b2j.get(a.charAt(i));
      if (js != null) {
        for (int j : js) {
          if (j < blo) {
            continue;
          }
          if (j >= bhi) {
            break;
          }
          int k = j2len.getOrDefault(j - 1, 0) + 1;
          newj2len.put(j, k);
          if (k > bestsize) {
            besti = i - k + 1;
            bestj = j - k + 1;
            bestsize = k;
          }
        }
      }
      j2len = newj2len;
    }
    // extend by equal characters on both ends (popular ones included: they are not junk)
    while (besti > alo && bestj > blo && a.charAt(besti - 1) == b.charAt(bestj - 1)) {
      besti--;
      bestj--;
      bestsize++;
    }
    while (besti + bestsize < ahi && bestj + bestsize < bhi
        && a.charAt(besti + bestsize) == b.charAt(bestj + bestsize)) {
      bestsize++;
    }
    return new int[] {besti, bestj, bestsize};
  }
}
