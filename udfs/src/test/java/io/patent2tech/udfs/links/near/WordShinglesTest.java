package io.patent2tech.udfs.links.near;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Shingles, the exact Jaccard similarity and the MinHash estimate of it. */
class WordShinglesTest {

  @Test
  void shinglesAreSortedDistinctAndOrderSensitive() {
    long[] s = WordShingles.of(List.of("a", "b", "c", "a", "b", "c", "a"), 3);
    // windows: abc bca cab abc bca -> 3 distinct
    assertThat(s).hasSize(3);
    assertThat(s).isSorted();
    assertThat(WordShingles.of(List.of("a", "b", "c"), 3)).isNotEqualTo(WordShingles.of(List.of("c", "b", "a"), 3));
  }

  @Test
  void aTextShorterThanOneShingleIsOneShingleAndNoTextNone() {
    assertThat(WordShingles.of(List.of("ornamental", "design"), 5)).hasSize(1);
    assertThat(WordShingles.of(List.of(), 5)).isEmpty();
  }

  @Test
  void hashesAreFixedAcrossRuns() {
    // a stored shingle set must match one computed by a later build: the hash may never change
    assertThat(WordShingles.hash("claim")).isEqualTo(WordShingles.hash(new String("claim")));
    assertThat(WordShingles.of(List.of("a", "b"), 2)).containsExactly(WordShingles.of(List.of("a", "b"), 2)[0]);
    assertThat(new MinHash(8).signature(new long[] {1, 2, 3})).isEqualTo(new MinHash(8).signature(new long[] {1, 2, 3}));
  }

  @Test
  void tokensAreOneIdPerWordAndTheFingerprintSeesTheOrder() {
    int[] t = WordShingles.tokens(List.of("the", "sheet", "the", "roller"));
    assertThat(t[0]).isEqualTo(t[2]);
    assertThat(t[0]).isNotEqualTo(t[1]).isNotEqualTo(t[3]);
    // a stored word sequence must compare with one tokenized by a later build
    assertThat(WordShingles.tokens(List.of("claim"))[0]).isEqualTo((int) (WordShingles.hash("claim") >>> 32));
    assertThat(WordShingles.fingerprint(t)).isEqualTo(WordShingles.fingerprint(t.clone()));
    assertThat(WordShingles.fingerprint(new int[] {1, 2})).isNotEqualTo(WordShingles.fingerprint(new int[] {2, 1}));
  }

  @Test
  void jaccardIsIntersectionOverUnion() {
    assertThat(Jaccard.similarity(new long[] {1, 2, 3, 4}, new long[] {3, 4, 5})).isEqualTo(2.0 / 5);
    assertThat(Jaccard.similarity(new long[] {-7, 1}, new long[] {-7, 1})).isEqualTo(1.0);
    assertThat(Jaccard.similarity(new long[] {}, new long[] {})).isZero();
    assertThat(Jaccard.similarity(new long[] {1}, new long[] {2})).isZero();
  }

  @Test
  void minHashEstimatesJaccardWithinItsStandardError() {
    MinHash minHash = new MinHash(128);
    SplittableRandom random = new SplittableRandom(7);
    long[] universe = random.longs(4000).toArray();
    for (double overlap : new double[] {0.3, 0.6, 0.9, 0.97}) {
      int shared = (int) (2000 * overlap);
      long[] a = Arrays.copyOfRange(universe, 0, 2000);
      long[] b = concat(Arrays.copyOfRange(universe, 0, shared), Arrays.copyOfRange(universe, 2000, 4000 - shared));
      Arrays.sort(a);
      Arrays.sort(b);
      double exact = Jaccard.similarity(a, b);
      double estimate = MinHash.estimate(minHash.signature(a), minHash.signature(b));
      // standard error sqrt(s(1-s)/128) <= 0.045; 3 of them
      assertThat(estimate).as("estimate of %s", exact).isCloseTo(exact, within(0.13));
    }
  }

  @Test
  void bandsSeparateLanguagesAndBandNumbers() {
    long[] signature = new long[16];
    long[] en = LshBands.buckets(signature, 4, 4, "en");
    long[] de = LshBands.buckets(signature, 4, 4, "de");
    assertThat(toList(en)).doesNotContainAnyElementsOf(toList(de));
    // all bands hold the same values, yet each band is its own bucket
    assertThat(Arrays.stream(en).distinct().count()).isEqualTo(4);
    assertThat(LshBands.buckets(signature, 4, 4, "en")).isEqualTo(en);
  }

  private static List<Long> toList(long[] a) {
    List<Long> list = new ArrayList<>();
    for (long v : a) {
      list.add(v);
    }
    return list;
  }

  private static long[] concat(long[] a, long[] b) {
    long[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
