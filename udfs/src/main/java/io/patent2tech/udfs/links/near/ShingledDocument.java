package io.patent2tech.udfs.links.near;

/**
 * One document as level 4 compares it: its key, a fingerprint of its text (the shingle set) and
 * the shingle set itself. A Flink POJO (the long[] travels with Flink's primitive array serializer).
 */
public class ShingledDocument {
  public String key;
  public long fingerprint;
  public long[] shingles;

  public ShingledDocument() {}

  public ShingledDocument(String key, long fingerprint, long[] shingles) {
    this.key = key;
    this.fingerprint = fingerprint;
    this.shingles = shingles;
  }
}
