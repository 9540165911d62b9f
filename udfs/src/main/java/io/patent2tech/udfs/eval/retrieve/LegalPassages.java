package io.patent2tech.udfs.eval.retrieve;

import io.patent2tech.udfs.eval.retrieve.VectorQuery.Corpus;
import io.patent2tech.udfs.eval.retrieve.VectorQuery.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Legal passages for a patent's evaluation: the passages of the legal corpus nearest to its
 * embedding, restricted to the patent's jurisdiction and to the passages whose record is about the
 * question asked (corpus {@code topics}: {@code novelty}, {@code inventive_step}).
 */
public final class LegalPassages {

  private static final List<String> FIELDS =
      List.of("record_id", "jurisdiction", "kind", "citation", "title", "language", "text");

  /** A retrieved passage: enough to cite it in a prompt and to trace it back. */
  public record Passage(String passageId, String recordId, String jurisdiction, String kind,
      String citation, String title, String language, String text, double similarity) {}

  private LegalPassages() {}

  /**
   * The search for the {@code topK} passages of {@code jurisdiction} on {@code purpose}; fewer
   * come back when the corpus has fewer.
   */
  public static VectorQuery query(float[] vector, Jurisdiction jurisdiction, Purpose purpose,
      int topK) {
    Objects.requireNonNull(jurisdiction, "jurisdiction");
    Objects.requireNonNull(purpose, "purpose");
    return new VectorQuery(Corpus.LEGAL, vector, topK, null,
        List.of(new Term("jurisdiction", jurisdiction.name()), new Term("topics", purpose.topic())),
        List.of(), FIELDS);
  }

  /** The hits of a {@link #query} as passages, in their order. */
  public static List<Passage> passages(List<VectorHit> hits) {
    List<Passage> passages = new ArrayList<>(hits.size());
    for (VectorHit hit : hits) {
      passages.add(new Passage(hit.id(), hit.field("record_id"), hit.field("jurisdiction"),
          hit.field("kind"), hit.field("citation"), hit.field("title"), hit.field("language"),
          hit.field("text"), hit.similarity()));
    }
    return passages;
  }
}
