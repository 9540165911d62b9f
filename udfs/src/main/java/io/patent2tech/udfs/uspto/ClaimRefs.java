package io.patent2tech.udfs.uspto;

import java.util.List;

/** Claim numbers named by a claim reference's target attribute. */
final class ClaimRefs {

  private ClaimRefs() {}

  /**
   * Adds the claim numbers of {@code idref} to {@code refs} (each once): {@code CLM-00001} -> 1, a
   * list {@code CLM-00001 CLM-00002} -> 1, 2, a range {@code CLM-00001-00005} -> 1..5.
   */
  static void add(List<Integer> refs, String idref) {
    if (idref == null) {
      return;
    }
    int n = idref.length();
    int i = 0;
    while (i < n) {
      while (i < n && Character.isWhitespace(idref.charAt(i))) {
        i++;
      }
      int tokenEnd = i;
      while (tokenEnd < n && !Character.isWhitespace(idref.charAt(tokenEnd))) {
        tokenEnd++;
      }
      int a = -1;
      int b = -1;
      int k = i;
      while (k < tokenEnd) {
        if (Character.isDigit(idref.charAt(k))) {
          int v = 0;
          int digits = 0;
          while (k < tokenEnd && Character.isDigit(idref.charAt(k))) {
            if (digits < 9) {
              v = v * 10 + (idref.charAt(k) - '0');
            }
            digits++;
            k++;
          }
          if (a < 0) {
            a = v;
          } else if (b < 0) {
            b = v;
          }
        } else {
          k++;
        }
      }
      if (a >= 0) {
        if (b > a && b - a <= 200) {
          for (int x = a; x <= b; x++) {
            addUnique(refs, x);
          }
        } else {
          addUnique(refs, a);
        }
      }
      i = tokenEnd;
    }
  }

  private static void addUnique(List<Integer> refs, int v) {
    Integer boxed = v;
    if (!refs.contains(boxed)) {
      refs.add(boxed);
    }
  }
}
