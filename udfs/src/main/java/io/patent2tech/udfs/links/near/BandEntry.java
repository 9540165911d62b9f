package io.patent2tech.udfs.links.near;

/** A document entering one LSH bucket (one per band of its signature). A Flink POJO. */
public class BandEntry {
  public long bucket;
  public String key;
  public long fingerprint;

  public BandEntry() {}

  public BandEntry(long bucket, String key, long fingerprint) {
    this.bucket = bucket;
    this.key = key;
    this.fingerprint = fingerprint;
  }
}
