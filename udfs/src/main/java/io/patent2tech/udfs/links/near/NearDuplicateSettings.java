package io.patent2tech.udfs.links.near;

import io.patent2tech.udfs.StateTtl;
import java.io.Serializable;
import java.time.Duration;
import java.util.Locale;

import org.apache.flink.api.common.state.StateTtlConfig;

/**
 * Level 4 of docs/design.md section 4 (near-duplicates without a shared identifier): how texts are
 * shingled, signed and banded, when a candidate pair counts as a near-duplicate, and how much state
 * the stage may keep. The one place these options and their defaults are written; docs/links.md
 * explains the choices.
 *
 * <p>Shingles only choose candidates; the link is decided by the word ratio ({@link
 * SequenceMatcherRatio#wordRatio}), the seed's difflib ratio over the normalized words of title,
 * abstract and claims. A word ratio of 0.9 (one word in ten changed) leaves 3-word shingle sets
 * with a Jaccard similarity of about 0.5 when the changes are spread evenly (each changed word
 * breaks three shingles), so candidate generation must catch pairs far below 0.9 in Jaccard terms.
 *
 * @param shingleSize words per shingle (3): short, so that a copy with 5% of its words replaced
 *     still shares about three quarters of its shingles (5-word shingles: about 60%), yet long
 *     enough that unrelated patents sharing claim boilerplate ("wherein the", "according to claim")
 *     share few of them
 * @param signatureLength MinHash values per document (128); must equal {@code bands * rows}
 * @param bands LSH bands (32): a pair becomes a candidate when all rows of one band agree
 * @param rows MinHash values per band (4): with 32 bands a pair of shingle Jaccard 0.5 becomes a
 *     candidate with probability 0.87, 0.6 with 0.99, 0.75 with 0.99999, while one at 0.1 does
 *     with 0.003
 * @param threshold least word ratio for a link (0.9, the seed's: about 90% of the text the same)
 * @param minShingles documents with fewer distinct shingles are not compared (20): a design
 *     patent's "ornamental design for a chair" says nothing about the invention
 * @param bucketCap most documents one LSH bucket keeps (100); further documents are still compared
 *     with the kept ones but not added, and counted
 * @param stateTtl how long a document's shingles and bucket entries stay without a write (365 days)
 * @param candidateTimeout how long a candidate waits for a document that has not arrived yet, and a
 *     verified half for its other half (10 minutes)
 */
public record NearDuplicateSettings(
    int shingleSize,
    int signatureLength,
    int bands,
    int rows,
    double threshold,
    int minShingles,
    int bucketCap,
    Duration stateTtl,
    Duration candidateTimeout)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The defaults: the one place they are written (the links job's options read them here). */
  public static final NearDuplicateSettings DEFAULTS = new NearDuplicateSettings(
      3, 128, 32, 4, 0.9, 20, 100, Duration.ofDays(365), Duration.ofMinutes(10));

  public NearDuplicateSettings {
    requireAtLeast(shingleSize, 1, "shingle size");
    requireAtLeast(bands, 1, "bands");
    requireAtLeast(rows, 1, "rows");
    if (bands * rows != signatureLength) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "bands * rows must equal the signature length: %d * %d != %d", bands, rows, signatureLength));
    }
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be in (0, 1], got " + threshold);
    }
    requireAtLeast(minShingles, 1, "min shingles");
    requireAtLeast(bucketCap, 1, "bucket cap");
    requirePositive(stateTtl, "state TTL");
    requirePositive(candidateTimeout, "candidate timeout");
  }

  public static NearDuplicateSettings defaults() {
    return DEFAULTS;
  }

  /**
   * The method a link names, e.g. {@code minhash-lsh-3-word-shingles/word-ratio}: how candidates
   * were found, then what the similarity is.
   */
  public String method() {
    return "minhash-lsh-" + shingleSize + "-word-shingles/word-ratio";
  }

  /**
   * Probability that a pair whose shingle sets have Jaccard similarity {@code s} becomes a candidate: 1 - (1 -
   * s^rows)^bands, the S-curve docs/links.md plots.
   */
  public double candidateProbability(double s) {
    return 1 - Math.pow(1 - Math.pow(s, rows), bands);
  }

  public NearDuplicateSettings withBands(int newBands, int newRows) {
    return new NearDuplicateSettings(shingleSize, newBands * newRows, newBands, newRows, threshold,
        minShingles, bucketCap, stateTtl, candidateTimeout);
  }

  public NearDuplicateSettings withThreshold(double newThreshold) {
    return new NearDuplicateSettings(shingleSize, signatureLength, bands, rows, newThreshold,
        minShingles, bucketCap, stateTtl, candidateTimeout);
  }

  public NearDuplicateSettings withBucketCap(int newCap) {
    return new NearDuplicateSettings(shingleSize, signatureLength, bands, rows, threshold,
        minShingles, newCap, stateTtl, candidateTimeout);
  }

  public NearDuplicateSettings withStateTtl(Duration newTtl) {
    return new NearDuplicateSettings(shingleSize, signatureLength, bands, rows, threshold,
        minShingles, bucketCap, newTtl, candidateTimeout);
  }

  /** The long-lived state (documents' words, bucket members, seen pairs): expires unwritten. */
  StateTtlConfig documentTtl() {
    return StateTtl.afterLastWrite(stateTtl);
  }

  /** The short-lived state (candidates and halves waiting for their other side). */
  StateTtlConfig waitingTtl() {
    return StateTtl.afterLastWrite(candidateTimeout);
  }

  private static void requireAtLeast(int value, int least, String name) {
    if (value < least) {
      throw new IllegalArgumentException(name + " must be at least " + least + ", got " + value);
    }
  }

  private static void requirePositive(Duration d, String name) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + d);
    }
  }
}
