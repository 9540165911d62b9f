package io.patent2tech.udfs.links.near;

import java.util.Arrays;
import java.util.List;

/**
 * Word shingles (runs of {@code size} consecutive words) hashed to 64 bits, as a sorted set
 * without repeats: the exact set the verification compares and the MinHash signature summarizes.
 * A text shorter than one shingle is one shingle of all its words. The hash is fixed (FNV-1a over
 * the characters, then a 64-bit finalizer), so a stored set and a new one always agree; with 64
 * bits, two distinct shingles of one pair collide with odds of about 1e-12, which no similarity
 * shows.
 */
public final class WordShingles {

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private WordShingles() {}

  /** The sorted distinct shingle hashes of {@code words}. */
  public static long[] of(List<String> words, int size) {
    int n = words.size();
    if (n == 0) {
      return new long[0];
    }
    long[] wordHashes = new long[n];
    for (int i = 0; i < n; i++) {
      wordHashes[i] = hash(words.get(i));
    }
    int count = Math.max(1, n - size + 1);
    long[] shingles = new long[count];
    for (int start = 0; start < count; start++) {
      long h = size;
      for (int i = start; i < Math.min(n, start + size); i++) {
        h = (h ^ wordHashes[i]) * FNV_PRIME; // order matters: "a b" and "b a" differ
      }
      shingles[start] = mix(h);
    }
    Arrays.sort(shingles);
    return distinct(shingles);
  }

  /**
   * The words as int tokens for {@link SequenceMatcherRatio}: the upper 32 bits of the word's
   * fixed hash, so equal words are equal tokens in every document and in stored state. Two distinct
   * words of one pair share a token with odds of about n^2 / 2^33 (1e-3 for 3,000 distinct words),
   * and then only that word's occurrences match: a shift of a few hundredths of a percent at most.
   */
  public static int[] tokens(List<String> words) {
    int[] tokens = new int[words.size()];
    for (int i = 0; i < tokens.length; i++) {
      tokens[i] = (int) (hash(words.get(i)) >>> 32);
    }
    return tokens;
  }

  /** A fingerprint of a token sequence: equal sequences, equal fingerprints; order counts. */
  public static long fingerprint(int[] tokens) {
    long h = FNV_OFFSET ^ tokens.length;
    for (int t : tokens) {
      h = mix(h ^ t) * FNV_PRIME;
    }
    return mix(h);
  }

  /** A fixed 64-bit hash of one word. */
  static long hash(String word) {
    long h = FNV_OFFSET;
    for (int i = 0; i < word.length(); i++) {
      h = (h ^ word.charAt(i)) * FNV_PRIME;
    }
    return mix(h);
  }

  /** MurmurHash3's 64-bit finalizer: every input bit reaches every output bit. */
  static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  /** A fingerprint of a whole shingle set: equal sets, equal fingerprints. */
  public static long fingerprint(long[] shingles) {
    long h = FNV_OFFSET ^ shingles.length;
    for (long s : shingles) {
      h = mix(h ^ s) * FNV_PRIME;
    }
    return mix(h);
  }

  private static long[] distinct(long[] sorted) {
    int kept = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[kept - 1]) {
        sorted[kept++] = sorted[i];
      }
    }
    return kept == sorted.length ? sorted : Arrays.copyOf(sorted, kept);
  }
}
