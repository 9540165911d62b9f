package io.patent2tech.udfs.links.near;

/**
 * Two documents that shared an LSH bucket, each with the fingerprint of the text that put it
 * there; {@code low < high} in string order, as the link will have them. A Flink POJO.
 */
public class CandidatePair {
  public String low;
  public long lowFingerprint;
  public String high;
  public long highFingerprint;

  public CandidatePair() {}

  /** The pair in link order, whichever came first. */
  public static CandidatePair of(String a, long aFingerprint, String b, long bFingerprint) {
    CandidatePair pair = new CandidatePair();
    boolean aFirst = a.compareTo(b) < 0;
    pair.low = aFirst ? a : b;
    pair.lowFingerprint = aFirst ? aFingerprint : bFingerprint;
    pair.high = aFirst ? b : a;
    pair.highFingerprint = aFirst ? bFingerprint : aFingerprint;
    return pair;
  }

  /** The two documents, without versions: what one link is about. */
  public String documents() {
    return low + "|" + high;
  }

  /** The two documents at these texts: what one verification is about. */
  public String version() {
    return low + "#" + Long.toHexString(lowFingerprint) + "|" + high + "#" + Long.toHexString(highFingerprint);
  }
}
