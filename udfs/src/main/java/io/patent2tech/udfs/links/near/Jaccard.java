package io.patent2tech.udfs.links.near;

/**
 * The exact similarity a candidate pair is verified with: |A ∩ B| / |A ∪ B| over the full shingle
 * sets. It is the quantity MinHash estimates, so the LSH S-curve and the threshold talk about the
 * same number, and it is linear in the sets' sizes (one merge of two sorted arrays).
 */
public final class Jaccard {

  private Jaccard() {}

  /** Jaccard similarity of two sorted sets without repeats; 0 when both are empty. */
  public static double similarity(long[] a, long[] b) {
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        common++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    int union = a.length + b.length - common;
    return union == 0 ? 0 : (double) common / union;
  }
}
