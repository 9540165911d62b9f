package io.patent2tech.bench;

import io.patent2tech.udfs.links.near.SequenceMatcherRatio;

/**
 * The seed's similarity (seed 000 section 11.5): Python's {@code difflib.SequenceMatcher(None, a,
 * b).ratio()} over characters, with difflib's default "autojunk" rule, as the seed called it. The
 * algorithm is level 4's port ({@link SequenceMatcherRatio}), so the
 * benchmark's seed score, its truth (the word ratio) and level 4's verification share one
 * implementation.
 */
final class SeedSimilarity {

  private SeedSimilarity() {}

  static double ratio(String a, String b) {
    return SequenceMatcherRatio.ratio(a.chars().toArray(), b.chars().toArray(), true);
  }

  /** The seed's pair score: title ratio and abstract ratio, averaged. */
  static double seedSimilarity(String titleA, String abstractA, String titleB, String abstractB) {
    return (ratio(titleA, titleB) + ratio(abstractA, abstractB)) / 2;
  }
}
