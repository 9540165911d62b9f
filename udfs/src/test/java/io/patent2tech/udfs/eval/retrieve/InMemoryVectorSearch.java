package io.patent2tech.udfs.eval.retrieve;

import io.patent2tech.udfs.embed.Vectors;
import io.patent2tech.udfs.eval.retrieve.VectorQuery.Corpus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The retrieval port in memory: documents with a vector and keyword fields per corpus, searched
 * exactly (cosine, the query's terms, its least similarity and k), so the stage's policy is what
 * decides the hits. Records every call; {@link #failing} fails every call as an unreachable
 * cluster would.
 */
final class InMemoryVectorSearch implements VectorSearch {

  /** {@code lists}: keyword-list fields, which a term matches when any element equals it. */
  record Document(Corpus corpus, String id, float[] vector, Map<String, String> fields,
      Map<String, List<String>> lists) {

    boolean has(VectorQuery.Term term) {
      return term.value().equals(fields.get(term.field()))
          || lists.getOrDefault(term.field(), List.of()).contains(term.value());
    }
  }

  final List<Document> documents = new CopyOnWriteArrayList<>();
  final List<List<VectorQuery>> calls = new CopyOnWriteArrayList<>();
  volatile boolean failing;
  volatile int opened;
  volatile boolean closed;

  /** A factory that hands out this one search (the test harness runs in this JVM). */
  VectorSearch.Factory factory() {
    InMemoryVectorSearch self = this;
    return new VectorSearch.Factory() {
      private static final long serialVersionUID = 1L;

      @Override
      public VectorSearch open() {
        self.opened++;
        return self;
      }
    };
  }

  void add(Corpus corpus, String id, float[] vector, Map<String, String> fields) {
    add(corpus, id, vector, fields, Map.of());
  }

  void add(Corpus corpus, String id, float[] vector, Map<String, String> fields, Map<String, List<String>> lists) {
    documents.add(new Document(corpus, id, vector.clone(), fields, lists));
  }

  @Override
  public CompletableFuture<List<List<VectorHit>>> search(List<VectorQuery> queries) {
    calls.add(queries);
    if (failing) {
      return CompletableFuture.failedFuture(new IllegalStateException("cluster unreachable"));
    }
    List<List<VectorHit>> all = new ArrayList<>();
    for (VectorQuery query : queries) {
      all.add(hits(query));
    }
    return CompletableFuture.completedFuture(all);
  }

  private List<VectorHit> hits(VectorQuery query) {
    float[] q = query.vector();
    List<VectorHit> hits = new ArrayList<>();
    for (Document d : documents) {
      if (d.corpus() != query.corpus()
          || !query.filter().stream().allMatch(d::has)
          || query.exclude().stream().anyMatch(d::has)) {
        continue;
      }
      double cosine = Vectors.cosine(q, d.vector());
      if (query.minSimilarity() != null && cosine < query.minSimilarity()) {
        continue;
      }
      Map<String, String> returned = new java.util.HashMap<>(d.fields());
      returned.keySet().retainAll(query.fields());
      hits.add(new VectorHit(d.id(), cosine, returned));
    }
    hits.sort(Comparator.comparingDouble(VectorHit::similarity).reversed());
    return hits.subList(0, Math.min(query.k(), hits.size()));
  }

  @Override
  public void close() {
    closed = true;
  }
}
