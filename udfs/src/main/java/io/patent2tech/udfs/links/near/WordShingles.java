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
