package io.patent2tech.udfs.links.near;

/**
 * One document as level 4 verifies it: its key, a fingerprint of its text (the word sequence) and
 * the normalized words as int tokens ({@link WordShingles#tokens}), the sequence {@link
 * SequenceMatcherRatio} aligns. A Flink POJO (the int[] travels with Flink's primitive array
 * serializer).
 */
public class ShingledDocument {
  public String key;
  public long fingerprint;
  public int[] words;

  public ShingledDocument() {}

  public ShingledDocument(String key, long fingerprint, int[] words) {
    this.key = key;
    this.fingerprint = fingerprint;
    this.words = words;
  }
}
