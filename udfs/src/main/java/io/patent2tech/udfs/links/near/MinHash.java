package io.patent2tech.udfs.links.near;

import java.io.Serializable;
import java.util.SplittableRandom;

/**
 * MinHash signatures: for each of {@code length} hash functions, the least hash over a shingle set.
 * Two sets agree at one position with probability equal to their Jaccard similarity. The hash
 * functions come from a fixed seed, so every run, subtask and restart signs a text the same way
 * (a stored bucket and a new document must agree). Each function is a multiply-add with an odd
 * multiplier followed by an xor-shift, a bijection on 64-bit values applied to the already mixed
 * shingle hashes; cheap enough for 128 functions over thousands of shingles per document.
 */
public final class MinHash implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final long SEED = 0x50a7e47L;

  private final long[] multipliers;
  private final long[] addends;

  public MinHash(int length) {
    SplittableRandom random = new SplittableRandom(SEED);
    multipliers = new long[length];
    addends = new long[length];
    for (int i = 0; i < length; i++) {
      multipliers[i] = random.nextLong() | 1L;
      addends[i] = random.nextLong();
    }
  }

  public int length() {
    return multipliers.length;
  }

  /** The signature of a non-empty shingle set. */
  public long[] signature(long[] shingles) {
    int n = multipliers.length;
    long[] signature = new long[n];
    java.util.Arrays.fill(signature, Long.MAX_VALUE);
    for (long shingle : shingles) {
      for (int i = 0; i < n; i++) {
        long h = shingle * multipliers[i] + addends[i];
        h ^= h >>> 29;
        if (h < signature[i]) {
          signature[i] = h;
        }
      }
    }
    return signature;
  }

  /** The fraction of positions where two signatures agree: an estimate of the sets' Jaccard similarity. */
  public static double estimate(long[] a, long[] b) {
    int same = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i]) {
        same++;
      }
    }
    return (double) same / a.length;
  }
}
