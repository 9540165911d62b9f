package io.patent2tech.connectors.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.KnnSearch;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.patent2tech.schema.Patent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Nearest landed patents to a patent's embedding: Elasticsearch kNN over the {@code embedding}
 * field of the patents alias (docs/design.md section 6, issue 3 point 4).
 *
 * <p>The patent itself, documents of the same application ({@code application_key}: its pre-grant
 * publication and its grant) and of the same family ({@code family_id}) are filtered out inside the
 * kNN search, so they never take one of the {@code topK} places. Similarities are cosines: the index
 * keeps int8-quantized vectors for the graph search, and the candidates are rescored with the
 * stored float vectors, so the scores are exact; Elasticsearch's {@code cosine} score
 * {@code (1 + cos) / 2} is turned back into the cosine.
 *
 * <p>One instance holds one HTTP client; a Flink operator opens it in {@code open()} and closes it.
 */
public final class PriorArtSearch implements AutoCloseable {

  public static final int DEFAULT_TOP_K = 5;
  public static final double DEFAULT_MIN_SIMILARITY = 0.6;

  static final String VECTOR_FIELD = "embedding";
  /** HNSW candidates per shard: enough that the filtered top k is found, cheap for small k. */
  private static final int MIN_CANDIDATES = 100;
  /** Candidates rescored with float vectors, per wanted result. */
  private static final float OVERSAMPLE = 3f;

  /**
   * A prior-art document and its cosine similarity to the searched vector, with its first claim and
   * language (either null when the document has none) so that the claims can be compared without
   * another request.
   */
  public record Match(String publicationKey, double similarity, String firstClaim, String language) {}

  private final ElasticsearchClient client;
  private final String alias;

  private PriorArtSearch(ElasticsearchClient client, String alias) {
    this.client = client;
    this.alias = alias;
  }

  /** Searches {@link ElasticsearchSettings#alias()} (the patents alias) at {@code settings.url()}. */
  public static PriorArtSearch open(ElasticsearchSettings settings) {
    return new PriorArtSearch(ElasticsearchClients.open(settings), settings.alias());
  }

  /** {@link #nearest(float[], Patent, int, double)} with top 5 and similarity at least 0.6. */
  public List<Match> nearest(float[] vector, Patent self) {
    return nearest(vector, self, DEFAULT_TOP_K, DEFAULT_MIN_SIMILARITY);
  }

  /**
   * At most {@code topK} patents with cosine similarity at least {@code minSimilarity} to
   * {@code vector}, most similar first, other than {@code self} and its application and family.
   */
  public List<Match> nearest(float[] vector, Patent self, int topK, double minSimilarity) {
    Objects.requireNonNull(vector, "vector (a patent without text has none to search with)");
    Objects.requireNonNull(self, "self");
    List<Query> exclusions = new ArrayList<>();
    exclusions.add(term("publication_key", self.getPublicationKey()));
    if (self.getApplicationKey() != null) {
      exclusions.add(term("application_key", self.getApplicationKey()));
    }
    if (self.getFamilyId() != null) {
      exclusions.add(term("family_id", self.getFamilyId()));
    }
    Query filter = Query.of(query -> query.bool(bool -> bool.mustNot(exclusions)));
    List<Match> matches = new ArrayList<>();
    for (Hit<Map<String, Object>> hit : search(client, alias, knn(vector, topK, minSimilarity, filter),
        "first_claim", "language")) {
      Map<String, Object> source = hit.source();
      matches.add(new Match(hit.id(), cosine(hit.score()), string(source, "first_claim"),
          string(source, "language")));
    }
    return matches;
  }

  @Override
  public void close() throws IOException {
    client.close();
  }

  /**
   * A kNN section over {@link #VECTOR_FIELD}, rescored with the float vectors.
   *
   * @param minSimilarity the least cosine a hit must have; null for none
   */
  static KnnSearch knn(float[] vector, int topK, Double minSimilarity, Query filter) {
    if (topK < 1) {
      throw new IllegalArgumentException("topK must be at least 1, got " + topK);
    }
    if (minSimilarity != null && (minSimilarity < -1 || minSimilarity > 1)) {
      throw new IllegalArgumentException("minSimilarity is a cosine in [-1, 1], got " + minSimilarity);
    }
    List<Float> query = new ArrayList<>(vector.length);
    for (float component : vector) {
      query.add(component);
    }
    return KnnSearch.of(knn -> knn
        .field(VECTOR_FIELD)
        .queryVector(query)
        .k(topK)
        .numCandidates(Math.max(MIN_CANDIDATES, topK * 10))
        // for cosine, kNN's similarity threshold is the cosine itself, not the score
        .similarity(minSimilarity == null ? null : minSimilarity.floatValue())
        .rescoreVector(rescore -> rescore.oversample(OVERSAMPLE))
        .filter(filter));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static List<Hit<Map<String, Object>>> search(ElasticsearchClient client, String index, KnnSearch knn,
      String... fields) {
    try {
      SearchResponse<Map<String, Object>> response = client.search(request -> request
              .index(index)
              .knn(knn)
              .size(knn.k())
              .source(source -> source.filter(filter -> filter.includes(List.of(fields)))),
          (Class<Map<String, Object>>) (Class) Map.class);
      return response.hits().hits();
    } catch (IOException e) {
      throw new UncheckedIOException("kNN search on " + index + " failed", e);
    }
  }

  /** Elasticsearch's cosine score {@code (1 + cos) / 2} back to the cosine. */
  static double cosine(Double score) {
    return 2 * score - 1;
  }

  /** A field of a hit's _source; null when the hit has no source or the field is absent. */
  static String string(Map<String, Object> source, String field) {
    Object value = source == null ? null : source.get(field);
    return value == null ? null : value.toString();
  }

  private static Query term(String field, String value) {
    return Query.of(query -> query.term(term -> term.field(field).value(value)));
  }
}
