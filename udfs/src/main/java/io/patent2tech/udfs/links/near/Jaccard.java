package io.patent2tech.udfs.links.near;

/**
 * |A ∩ B| / |A ∪ B| over two shingle sets: the quantity MinHash estimates and the LSH S-curve is
 * drawn over ({@link NearDuplicateSettings#candidateProbability}). It chooses nothing in the job
 * (the word ratio decides a link); the benchmark reports it per planted pair to show where on the
 * S-curve a pair sits. Linear in the sets' sizes (one merge of two sorted arrays).
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
