package io.patent2tech.udfs.eval.retrieve;

import io.patent2tech.schema.Patent;
import io.patent2tech.udfs.eval.retrieve.VectorQuery.Corpus;
import io.patent2tech.udfs.eval.retrieve.VectorQuery.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What counts as a patent's prior art (docs/design.md section 6, issue 3 point 4): the landed
 * patents nearest to its embedding, other than itself, the documents of the same application
 * ({@code application_key}: its pre-grant publication and its grant) and of the same family
 * ({@code family_id}), and the documents the landed links (topic patents.links, issue 10) tie to
 * it: those that list it among their {@code family_members}, {@code application_members} or
 * {@code near_duplicates}. A link covers what the patent's own fields cannot: a family or an
 * application whose id only the other office gives, and a near-identical text under another
 * application, which would otherwise be its own nearest "prior art". The exclusions are part of
 * the search, so they never take one of the {@code topK} places; hits below
 * {@code minSimilarity} (a cosine) are not returned.
 */
public final class PriorArt {

  static final String FIRST_CLAIM = "first_claim";
  static final String LANGUAGE = "language";
  static final String CONTENT_HASH = "content_hash";
  static final String ENRICHED_CONTENT_HASH = "enriched_content_hash";
  static final String NEAR_DUPLICATES = "near_duplicates";
  /** Near-duplicates looked at for {@link #resembles}: the nearest few are enough to name one. */
  static final int RESEMBLES_K = 3;

  /** Keyword lists of the linked documents' keys (LinkDocuments in the connectors writes them). */
  static final List<String> LINK_LISTS = List.of("family_members", "application_members", "near_duplicates");

  /**
   * A prior-art document and its cosine similarity to the searched vector, with its first claim and
   * language (either null when the document has none) so that the claims can be compared without
   * another request.
   */
  public record Match(String publicationKey, double similarity, String firstClaim, String language) {}

  private PriorArt() {}

  /** The search for at most {@code topK} prior-art documents of {@code self}. */
  public static VectorQuery query(float[] vector, Patent self, int topK, double minSimilarity) {
    Objects.requireNonNull(self, "self");
    List<Term> exclusions = new ArrayList<>();
    exclusions.add(new Term("publication_key", self.getPublicationKey()));
    if (self.getApplicationKey() != null) {
      exclusions.add(new Term("application_key", self.getApplicationKey()));
    }
    if (self.getFamilyId() != null) {
      exclusions.add(new Term("family_id", self.getFamilyId()));
    }
    // links are stored on both documents, so the hits' lists name this patent: a term on a
    // keyword list matches any element
    for (String list : LINK_LISTS) {
      exclusions.add(new Term(list, self.getPublicationKey()));
    }
    return new VectorQuery(Corpus.PATENTS, vector, topK, minSimilarity, List.of(), exclusions,
        List.of(FIRST_CLAIM, LANGUAGE));
  }

  /**
   * The search for the patent's already landed near-duplicates (the documents whose
   * {@code near_duplicates} name it), nearest first, with what tells whether each was evaluated
   * with its current content. {@link #query} leaves them out of the prior art: their text is this
   * patent's own. Sent with the prior-art search in one round trip; it costs little, because the
   * filter leaves the kNN search a handful of documents, mostly none.
   */
  public static VectorQuery nearDuplicatesQuery(float[] vector, Patent self) {
    Objects.requireNonNull(self, "self");
    return new VectorQuery(Corpus.PATENTS, vector, RESEMBLES_K, null,
        List.of(new Term(NEAR_DUPLICATES, self.getPublicationKey())),
        List.of(new Term("publication_key", self.getPublicationKey())),
        List.of(CONTENT_HASH, ENRICHED_CONTENT_HASH));
  }

  /**
   * Which already evaluated near-duplicate the patent resembles: the nearest hit of a
   * {@link #nearDuplicatesQuery} whose evaluation is of its current content (its
   * {@code enriched_content_hash} is its {@code content_hash}); null when none is. The patent is
   * still evaluated in full: nothing of the other evaluation is reused, the result only names it,
   * so that a reader can compare the two rather than wonder why two identical texts score apart.
   */
  public static String resembles(List<VectorHit> nearDuplicates) {
    for (VectorHit hit : nearDuplicates) {
      String evaluated = hit.field(ENRICHED_CONTENT_HASH);
      if (evaluated != null && evaluated.equals(hit.field(CONTENT_HASH))) {
        return hit.id();
      }
    }
    return null;
  }

  /** The hits of a {@link #query} as matches, in their order. */
  public static List<Match> matches(List<VectorHit> hits) {
    List<Match> matches = new ArrayList<>(hits.size());
    for (VectorHit hit : hits) {
      matches.add(new Match(hit.id(), hit.similarity(), hit.field(FIRST_CLAIM), hit.field(LANGUAGE)));
    }
    return matches;
  }
}
