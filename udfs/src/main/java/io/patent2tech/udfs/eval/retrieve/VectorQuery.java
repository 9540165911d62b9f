package io.patent2tech.udfs.eval.retrieve;

import java.util.List;
import java.util.Objects;

/**
 * One nearest-neighbour search, fully decided by the retrieval policy ({@link PriorArt}, {@link
 * LegalPassages}): which corpus, the vector, how many hits, the least cosine, which documents
 * must and must not match, and which fields to return. A {@link VectorSearch} runs it as given.
 *
 * @param corpus which index is searched
 * @param vector the query embedding
 * @param k most hits, at least 1
 * @param minSimilarity least cosine similarity of a hit, in [-1, 1]; null for none
 * @param filter terms every hit has
 * @param exclude terms no hit has (any one of them excludes a document)
 * @param fields the source fields each hit returns
 */
public record VectorQuery(Corpus corpus, float[] vector, int k, Double minSimilarity,
    List<Term> filter, List<Term> exclude, List<String> fields) {

  /** The searchable corpora. */
  public enum Corpus {
    /** The patents alias: landed patents with the embeddings the enrich job wrote. */
    PATENTS,
    /** The legal corpus alias (load-legal-corpus). */
    LEGAL
  }

  /** An exact match of one keyword field. */
  public record Term(String field, String value) {
    public Term {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(value, "value");
    }
  }

  public VectorQuery {
    Objects.requireNonNull(corpus, "corpus");
    Objects.requireNonNull(vector, "vector (a patent without text has none to search with)");
    if (k < 1) {
      throw new IllegalArgumentException("topK must be at least 1, got " + k);
    }
    if (minSimilarity != null && (minSimilarity < -1 || minSimilarity > 1)) {
      throw new IllegalArgumentException("minSimilarity is a cosine in [-1, 1], got " + minSimilarity);
    }
    filter = List.copyOf(filter);
    exclude = List.copyOf(exclude);
    fields = List.copyOf(fields);
  }
}
