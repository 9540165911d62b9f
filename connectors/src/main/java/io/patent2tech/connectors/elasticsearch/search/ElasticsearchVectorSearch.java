package io.patent2tech.connectors.elasticsearch.search;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.KnnSearch;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.MsearchRequest;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.patent2tech.connectors.elasticsearch.ElasticsearchClients;
import io.patent2tech.connectors.elasticsearch.ElasticsearchSettings;
import io.patent2tech.udfs.eval.retrieve.VectorHit;
import io.patent2tech.udfs.eval.retrieve.VectorQuery;
import io.patent2tech.udfs.eval.retrieve.VectorQuery.Corpus;
import io.patent2tech.udfs.eval.retrieve.VectorSearch;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * {@link VectorSearch} over Elasticsearch: kNN over the {@code embedding} field of the patents
 * alias and of the legal corpus alias, all queries of one call in one {@code _msearch} request,
 * sent asynchronously. Runs each query as given (terms to match and to exclude inside the kNN
 * search, so they never take one of the k places); what to search for is the retrieval stage's.
 *
 * <p>Similarities are cosines: the indices keep int8-quantized vectors for the graph search, and
 * the candidates are rescored with the stored float vectors, so the scores are exact;
 * Elasticsearch's {@code cosine} score {@code (1 + cos) / 2} is turned back into the cosine.
 *
 * <p>One instance holds one HTTP client (its connections shared by the calls in flight); an
 * operator opens it through {@link #factory} in {@code open()} and closes it.
 */
public final class ElasticsearchVectorSearch implements VectorSearch {

  static final String VECTOR_FIELD = "embedding";
  /** HNSW candidates per shard: enough that the filtered top k is found, cheap for small k. */
  private static final int MIN_CANDIDATES = 100;
  /** Candidates rescored with float vectors, per wanted result. */
  private static final float OVERSAMPLE = 3f;

  private final ElasticsearchClient client;
  private final ElasticsearchAsyncClient async;
  private final Map<Corpus, String> aliases;

  private ElasticsearchVectorSearch(ElasticsearchClient client, Map<Corpus, String> aliases) {
    this.client = client;
    this.async = new ElasticsearchAsyncClient(client._transport());
    this.aliases = aliases;
  }

  /**
   * Searches {@code patents.alias()} and {@code legalCorpus.alias()}, which must be on one cluster
   * (one {@code _msearch} reaches both).
   */
  public static ElasticsearchVectorSearch open(ElasticsearchSettings patents,
      ElasticsearchSettings legalCorpus) {
    requireOneCluster(patents, legalCorpus);
    return new ElasticsearchVectorSearch(ElasticsearchClients.open(patents),
        Map.of(Corpus.PATENTS, patents.alias(), Corpus.LEGAL, legalCorpus.alias()));
  }

  /** {@link #open} where the operator runs; checks the settings now, so a bad job fails at build time. */
  public static VectorSearch.Factory factory(ElasticsearchSettings patents,
      ElasticsearchSettings legalCorpus) {
    requireOneCluster(patents, legalCorpus);
    return () -> open(patents, legalCorpus);
  }

  @Override
  public CompletableFuture<List<List<VectorHit>>> search(List<VectorQuery> queries) {
    if (queries.isEmpty()) {
      return CompletableFuture.completedFuture(List.of());
    }
    MsearchRequest request = MsearchRequest.of(msearch -> {
      for (VectorQuery query : queries) {
        msearch.searches(item -> item
            .header(header -> header.index(alias(query.corpus())))
            .body(body -> body
                .knn(knn(query))
                .size(query.k())
                .source(source -> source.filter(filter -> filter.includes(query.fields())))));
      }
      return msearch;
    });
    return async.msearch(request, rawMap()).thenApply(response -> hits(queries, response));
  }

  @Override
  public void close() throws IOException {
    client.close();
  }

  /** A kNN section over {@link #VECTOR_FIELD} for {@code query}, rescored with the float vectors. */
  static KnnSearch knn(VectorQuery query) {
    List<Float> vector = new ArrayList<>(query.vector().length);
    for (float component : query.vector()) {
      vector.add(component);
    }
    List<Query> filter = query.filter().stream().map(ElasticsearchVectorSearch::term).toList();
    List<Query> exclude = query.exclude().stream().map(ElasticsearchVectorSearch::term).toList();
    return KnnSearch.of(knn -> {
      knn.field(VECTOR_FIELD)
          .queryVector(vector)
          .k(query.k())
          .numCandidates(Math.max(MIN_CANDIDATES, query.k() * 10))
          // for cosine, kNN's similarity threshold is the cosine itself, not the score
          .similarity(query.minSimilarity() == null ? null : query.minSimilarity().floatValue())
          .rescoreVector(rescore -> rescore.oversample(OVERSAMPLE));
      if (!filter.isEmpty() || !exclude.isEmpty()) {
        knn.filter(Query.of(q -> q.bool(bool -> bool.filter(filter).mustNot(exclude))));
      }
      return knn;
    });
  }

  private static List<List<VectorHit>> hits(List<VectorQuery> queries,
      MsearchResponse<Map<String, Object>> response) {
    List<MultiSearchResponseItem<Map<String, Object>>> items = response.responses();
    if (items.size() != queries.size()) {
      throw new IllegalStateException("_msearch answered " + items.size() + " of "
          + queries.size() + " searches");
    }
    List<List<VectorHit>> all = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      MultiSearchResponseItem<Map<String, Object>> item = items.get(i);
      VectorQuery query = queries.get(i);
      if (item.isFailure()) {
        throw new IllegalStateException("kNN search on " + query.corpus() + " ("
            + Objects.requireNonNullElse(item.failure().error().reason(), item.failure().error().type())
            + ")");
      }
      List<VectorHit> hits = new ArrayList<>();
      for (Hit<Map<String, Object>> hit : item.result().hits().hits()) {
        hits.add(new VectorHit(hit.id(), cosine(hit.score()), fields(hit.source(), query.fields())));
      }
      all.add(hits);
    }
    return all;
  }

  /** Elasticsearch's cosine score {@code (1 + cos) / 2} back to the cosine. */
  static double cosine(Double score) {
    return 2 * score - 1;
  }

  private static Map<String, String> fields(Map<String, Object> source, List<String> wanted) {
    Map<String, String> fields = new HashMap<>();
    if (source != null) {
      for (String field : wanted) {
        Object value = source.get(field);
        if (value != null) {
          fields.put(field, value.toString());
        }
      }
    }
    return fields;
  }

  private String alias(Corpus corpus) {
    return aliases.get(corpus);
  }

  private static Query term(VectorQuery.Term term) {
    return Query.of(query -> query.term(t -> t.field(term.field()).value(term.value())));
  }

  private static void requireOneCluster(ElasticsearchSettings patents,
      ElasticsearchSettings legalCorpus) {
    if (!patents.url().equals(legalCorpus.url())) {
      throw new IllegalArgumentException("the patents alias and the legal corpus must be on one "
          + "cluster, got " + patents.url() + " and " + legalCorpus.url());
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Class<Map<String, Object>> rawMap() {
    return (Class<Map<String, Object>>) (Class) Map.class;
  }
}
