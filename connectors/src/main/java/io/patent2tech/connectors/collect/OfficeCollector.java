package io.patent2tech.connectors.collect;

import java.io.Closeable;
import java.io.IOException;
import java.io.Serializable;

/**
 * The port of the collect job's source to one patent office: what to fetch for a publication-date
 * window, one document at a time. Implementations (USPTO, EPO OPS, KIPRIS Plus) own their HTTP
 * client, credentials, paging and throttling; the source owns scheduling, checkpoints and
 * collection runs. Created by a serializable {@link Factory} inside the reader, so no connection
 * is ever serialized.
 */
public interface OfficeCollector extends Closeable {

  /**
   * Starts fetching the documents of {@code window} in a stable order, skipping the first {@code
   * skip} of them (emitted before a restart). Cheap: network work starts on the first {@link
   * Cursor#next()}.
   */
  Cursor open(CollectWindow window, long skip) throws IOException;

  /** A window's documents, pulled one by one; blocking I/O and throttling waits happen in next(). */
  interface Cursor extends Closeable {

    /**
     * The next document, or null when the window is done. A document the office sent damaged
     * comes back with {@link FetchedDocument#error} set (it is dead-lettered, the run goes on).
     *
     * @throws CollectionFailedException when the run cannot go on (invalid key, quota exhausted
     *     beyond the wait allowed, retries spent); the window is retried on a later run
     * @throws InterruptedException when the source is shutting down
     */
    FetchedDocument next() throws IOException, InterruptedException;

    /** Figures for the run's collection_runs row, as seen so far. */
    RunStats stats();
  }

  /** Creates a collector in the task that uses it. */
  interface Factory extends Serializable {
    /** The office this factory's collectors fetch from: USPTO | EPO | KIPO. */
    String office();

    OfficeCollector create();
  }
}
