package io.patent2tech.udfs.eval.retrieve;

import java.util.Map;

/**
 * One hit of a {@link VectorQuery}: the document id, its cosine similarity to the query vector
 * and the requested source fields it has (absent ones are missing from the map).
 */
public record VectorHit(String id, double similarity, Map<String, String> fields) {

  public VectorHit {
    fields = Map.copyOf(fields);
  }

  /** A returned field; null when the document has none. */
  public String field(String name) {
    return fields.get(name);
  }
}
