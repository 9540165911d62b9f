package io.patent2tech.udfs.links.near;

/** One side's word tokens for the verification of a candidate pair. A Flink POJO. */
public class ShingleHalf {
  public CandidatePair pair;
  public String side;
  public int[] words;

  public ShingleHalf() {}

  public ShingleHalf(CandidatePair pair, String side, int[] words) {
    this.pair = pair;
    this.side = side;
    this.words = words;
  }
}
