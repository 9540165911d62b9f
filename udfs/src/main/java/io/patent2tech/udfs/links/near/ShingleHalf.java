package io.patent2tech.udfs.links.near;

/** One side's shingle set for the verification of a candidate pair. A Flink POJO. */
public class ShingleHalf {
  public CandidatePair pair;
  public String side;
  public long[] shingles;

  public ShingleHalf() {}

  public ShingleHalf(CandidatePair pair, String side, long[] shingles) {
    this.pair = pair;
    this.side = side;
    this.shingles = shingles;
  }
}
