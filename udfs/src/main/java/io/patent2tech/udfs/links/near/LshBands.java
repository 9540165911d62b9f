package io.patent2tech.udfs.links.near;

/**
 * Locality-sensitive hashing over MinHash signatures: the signature is cut into {@code bands}
 * bands of {@code rows} values, and each band hashes to one bucket. Two documents land in the same
 * bucket of a band when all its rows agree, with probability s^rows for Jaccard similarity s; they
 * become a candidate pair when that happens in at least one band. The bucket id also holds the band
 * number (equal values in different bands are different buckets) and the language, so documents in
 * different languages never share a bucket and are never compared by words.
 */
public final class LshBands {

  private LshBands() {}

  /** One bucket id per band. */
  public static long[] buckets(long[] signature, int bands, int rows, String language) {
    if (signature.length != bands * rows) {
      throw new IllegalArgumentException("signature of " + signature.length + " values is not "
          + bands + " bands of " + rows + " rows");
    }
    long languageHash = WordShingles.hash(language == null ? "" : language);
    long[] buckets = new long[bands];
    for (int band = 0; band < bands; band++) {
      long h = WordShingles.mix(languageHash + band);
      for (int row = 0; row < rows; row++) {
        h = WordShingles.mix(h ^ signature[band * rows + row]);
      }
      buckets[band] = h;
    }
    return buckets;
  }
}
