package io.patent2tech.udfs.links.near;

/**
 * A request to one side of a candidate pair ({@code target}) for its shingle set, expected at
 * {@code fingerprint}; {@code waitUntil} is set while it waits for that document. A Flink POJO.
 */
public class Probe {
  public String target;
  public long fingerprint;
  public CandidatePair pair;
  public long waitUntil;

  public Probe() {}

  public Probe(String target, long fingerprint, CandidatePair pair) {
    this.target = target;
    this.fingerprint = fingerprint;
    this.pair = pair;
  }
}
