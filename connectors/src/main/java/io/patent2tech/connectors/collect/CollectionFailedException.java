package io.patent2tech.connectors.collect;

import java.io.IOException;

/**
 * A collection run that cannot go on: the office said no (invalid key, error envelope, quota
 * exhausted) or retries are spent. The message is recorded in collection_runs and logged, so it
 * must never contain a credential.
 */
public class CollectionFailedException extends IOException {

  private static final long serialVersionUID = 1L;

  public CollectionFailedException(String message) {
    super(message);
  }

  public CollectionFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
