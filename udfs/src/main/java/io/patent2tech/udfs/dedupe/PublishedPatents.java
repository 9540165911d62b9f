package io.patent2tech.udfs.dedupe;

import java.io.Serializable;

/**
 * What earlier jobs already published: the port through which a dedupe that starts without state
 * learns the content it must not publish again. The pipeline reads it from {@code
 * patents.normalized} itself (connectors: {@code PublishedPatentsInTopic}), so the topic stays the
 * one record of what was published; tests give a list.
 */
public interface PublishedPatents extends AutoCloseable {

  /**
   * Calls {@code visitor} once per published record, in the order the records of one key were
   * published.
   *
   * @return the number of records visited
   */
  long forEach(Visitor visitor) throws Exception;

  @Override
  void close() throws Exception;

  /** One published record: its key, content hash and version. */
  @FunctionalInterface
  interface Visitor {
    void published(String publicationKey, String contentHash, int version) throws Exception;
  }

  /**
   * Opens a {@link PublishedPatents} where it is read (in the operator's {@code open()}); only the
   * factory travels with the job graph.
   */
  interface Factory extends Serializable {

    PublishedPatents open() throws Exception;

    /** Where the records come from, for logs ("topic patents.normalized at localhost:9092"). */
    String describe();
  }
}
