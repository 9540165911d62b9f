package io.patent2tech.connectors.elasticsearch.sink;

import java.util.List;
import java.util.Objects;

/**
 * What a bulk writer has not yet stored when a checkpoint is taken: the documents of a request
 * Elasticsearch pushed back (waiting for their next attempt) and those buffered behind them, oldest
 * first. One state per writer, so that a rescaled job restores them together and in order: two
 * versions of one document are never sent by two writers at once.
 *
 * @param documents the documents, in the order they must be sent
 */
public record BulkWriterState(List<Document> documents) {

  public BulkWriterState {
    documents = List.copyOf(Objects.requireNonNull(documents, "documents"));
  }

  /**
   * One document as the mapper made it.
   *
   * @param id its {@code _id}
   * @param json the fields to merge into the stored document, as JSON
   */
  public record Document(String id, byte[] json) {

    public Document {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(json, "json");
    }
  }
}
