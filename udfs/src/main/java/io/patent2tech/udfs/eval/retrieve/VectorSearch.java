package io.patent2tech.udfs.eval.retrieve;

import java.io.Serializable;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The retrieval stage's outside world: runs nearest-neighbour searches exactly as they are given
 * (the connector's Elasticsearch implementation sends them as one {@code _msearch}). Knows nothing
 * about what is excluded or how close is close enough; {@link PriorArt} and {@link LegalPassages}
 * decide that.
 *
 * <p>Asynchronous so that the operator's thread never waits on a search: the model goes on
 * embedding while the searches are answered. Implementations must allow several calls in flight.
 */
public interface VectorSearch extends AutoCloseable {

  /**
   * The hits of each query, in the order of {@code queries}, each most similar first; completes
   * exceptionally when any query failed.
   */
  CompletableFuture<List<List<VectorHit>>> search(List<VectorQuery> queries);

  /** Opens a {@link VectorSearch} where it is used; only the factory travels with the job graph. */
  @FunctionalInterface
  interface Factory extends Serializable {
    VectorSearch open();
  }
}
