package io.patent2tech.connectors.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import co.elastic.clients.elasticsearch._types.Refresh;
import io.patent2tech.connectors.elasticsearch.document.LinkDocuments;
import io.patent2tech.connectors.elasticsearch.document.PatentDocuments;
import io.patent2tech.connectors.elasticsearch.index.PatentIndex;
import io.patent2tech.connectors.elasticsearch.search.ElasticsearchVectorSearch;
import io.patent2tech.connectors.json.SamplePatents;
import io.patent2tech.schema.LocalizedText;
import io.patent2tech.schema.Patent;
import io.patent2tech.udfs.embed.EmbeddingText;
import io.patent2tech.udfs.embed.InProcessEmbedder;
import io.patent2tech.udfs.embed.Vectors;
import io.patent2tech.udfs.eval.EvaluationSettings;
import io.patent2tech.udfs.eval.retrieve.PriorArt;
import io.patent2tech.udfs.eval.retrieve.PriorArt.Match;
import io.patent2tech.udfs.eval.retrieve.VectorHit;
import io.patent2tech.udfs.links.DocumentLinks;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The prior-art policy ({@link PriorArt}) run by {@link ElasticsearchVectorSearch}: kNN over
 * patents landed with their embeddings (real model) in a throw-away patents alias set up by
 * {@link PatentIndex#ensure}, i.e. with the template's {@code embedding} field.
 */
class PriorArtSearchIT {

  private static InProcessEmbedder model;

  private ElasticsearchTestIndex es;
  private final Map<String, float[]> vectors = new HashMap<>();

  /** The patent searched for: US 8930553 B2, in family F-1. */
  private final Patent self = Patent.newBuilder(SamplePatents.sipGrant()).setFamilyId("F-1").build();

  @BeforeAll
  static void loadModel() {
    model = new InProcessEmbedder(2);
  }

  @AfterAll
  static void closeModel() {
    model.close();
  }

  @BeforeEach
  void landPatents() throws IOException {
    es = new ElasticsearchTestIndex();
    PatentIndex.ensure(es.settings());
    land(self);
    // its own pre-grant publication: same application
    land(variant("US-20140098765-A1", self.getApplicationKey(), null, null));
    // a continuation in the same family
    land(variant("US-9100001-B2", "US-14000001", "F-1", null));
    // the same text under another application and family: the nearest prior art there can be
    land(variant("US-9100002-B2", "US-14000002", "F-2", null));
    // another application about the same subject, in other words
    land(variant("US-9100003-B2", "US-14000003", null,
        "Handling session initiation protocol messages received in the middle of a dialog"));
    // unrelated: below the similarity threshold
    land(SamplePatents.cheeseDesign());
    // landed by the landing job but not embedded yet: no vector, never a match
    es.client().index(r -> r.index(es.alias()).id("US-9100004-B2")
        .document(PatentDocuments.document(variant("US-9100004-B2", "US-14000004", null, null))));
    es.client().indices().refresh(r -> r.index(es.alias()));
  }

  @AfterEach
  void close() throws IOException {
    es.close();
  }

  @Test
  void nearestExcludesItselfItsApplicationAndFamilyAndKeepsTheThreshold() throws Exception {
    {
      List<Match> matches = nearest(vectors.get(self.getPublicationKey()), self);

      assertThat(matches).extracting(Match::publicationKey).containsExactly("US-9100002-B2", "US-9100003-B2");
      assertThat(matches.get(0).similarity()).isCloseTo(1.0, within(1e-4));
      double expected = Vectors.cosine(vectors.get(self.getPublicationKey()), vectors.get("US-9100003-B2"));
      assertThat(matches.get(1).similarity()).isCloseTo(expected, within(1e-4)).isBetween(0.6, 0.99);
      double cheese = Vectors.cosine(vectors.get(self.getPublicationKey()), vectors.get("US-D701016-S1"));
      assertThat(cheese).isLessThan(0.6);
    }
  }

  @Test
  void documentsWhoseLinkListsNameThePatentAreNotItsPriorArt() throws Exception {
    // the same text under other applications and families, tied to it only by landed links
    land(variant("EP-2000001-B1", "EP-00123456", "F-7", null));
    land(variant("WO-2015000001-A1", "WO-IB2014000001", null, null));
    land(variant("US-9100006-B2", "US-14000006", null, null));
    String key = self.getPublicationKey();
    links(new DocumentLinks("EP-2000001-B1", new String[] {key}, new String[0], new String[0]));
    links(new DocumentLinks("WO-2015000001-A1", new String[0], new String[0], new String[] {key}));
    links(new DocumentLinks("US-9100006-B2", new String[0], new String[] {key}, new String[0]));
    // linked, but to another patent: still prior art
    links(new DocumentLinks("US-9100002-B2", new String[0], new String[0], new String[] {"US-20150001-A1"}));
    es.client().indices().refresh(r -> r.index(es.alias()));

    List<Match> matches = nearest(vectors.get(key), self, 10, 0.6);

    assertThat(matches).extracting(Match::publicationKey).containsExactly("US-9100002-B2", "US-9100003-B2");
  }

  @Test
  void theNearDuplicatesSearchFindsTheOneEvaluatedWithItsCurrentContent() throws Exception {
    String key = self.getPublicationKey();
    Patent evaluated = variant("WO-2015000001-A1", "WO-IB2014000001", null, null);
    Patent stale = variant("WO-2015000002-A1", "WO-IB2014000002", null, null);
    land(evaluated);
    land(stale);
    land(variant("WO-2015000003-A1", "WO-IB2014000003", null, null));
    for (String duplicate : List.of("WO-2015000001-A1", "WO-2015000002-A1", "WO-2015000003-A1")) {
      links(new DocumentLinks(duplicate, new String[0], new String[0], new String[] {key}));
    }
    // the enrich job's record of each: one of the current content, one of an earlier version, one none
    enriched("WO-2015000001-A1", evaluated.getContentHash());
    enriched("WO-2015000002-A1", "an earlier content hash");
    es.client().indices().refresh(r -> r.index(es.alias()));

    try (ElasticsearchVectorSearch search = ElasticsearchVectorSearch.open(es.settings(), es.settings())) {
      List<List<VectorHit>> hits = search.search(List.of(
          PriorArt.query(vectors.get(key), self, 5, 0.6), PriorArt.nearDuplicatesQuery(vectors.get(key), self))).get();

      assertThat(PriorArt.matches(hits.get(0))).extracting(Match::publicationKey)
          .containsExactly("US-9100002-B2", "US-9100003-B2");
      assertThat(hits.get(1)).extracting(VectorHit::id)
          .containsExactlyInAnyOrder("WO-2015000001-A1", "WO-2015000002-A1", "WO-2015000003-A1");
      assertThat(PriorArt.resembles(hits.get(1))).isEqualTo("WO-2015000001-A1");
    }
  }

  @Test
  void matchesCarryTheFirstClaimAndLanguageOfThePriorArt() throws Exception {
    {
      List<Match> matches = nearest(vectors.get(self.getPublicationKey()), self);

      Match sameText = matches.get(0);
      assertThat(sameText.publicationKey()).isEqualTo("US-9100002-B2");
      assertThat(sameText.firstClaim())
          .isEqualTo(self.getClaims().get(0).getText())
          .startsWith("1. A system for processing mid-dialog SIP messages");
      assertThat(sameText.language()).isEqualTo("en");
      // landed without claims: nothing to compare features with
      Match noClaims = matches.get(1);
      assertThat(noClaims.publicationKey()).isEqualTo("US-9100003-B2");
      assertThat(noClaims.firstClaim()).isNull();
      assertThat(noClaims.language()).isEqualTo("en");
    }
  }

  @Test
  void topKAndAThresholdOfMinusOneShowEverythingElseThatHasAVector() throws Exception {
    {
      assertThat(nearest(vectors.get(self.getPublicationKey()), self, 1, 0.6))
          .extracting(Match::publicationKey).containsExactly("US-9100002-B2");

      List<Match> all = nearest(vectors.get(self.getPublicationKey()), self, 10, -1);

      assertThat(all).extracting(Match::publicationKey)
          .containsExactly("US-9100002-B2", "US-9100003-B2", "US-D701016-S1");
      double cheese = Vectors.cosine(vectors.get(self.getPublicationKey()), vectors.get("US-D701016-S1"));
      assertThat(all.get(2).similarity()).isCloseTo(cheese, within(1e-4));
    }
  }

  @Test
  void badArgumentsAreRefused() throws Exception {
    {
      float[] vector = vectors.get(self.getPublicationKey());
      assertThatThrownBy(() -> nearest(null, self)).isInstanceOf(NullPointerException.class)
          .hasMessageContaining("vector");
      assertThatThrownBy(() -> nearest(vector, self, 0, 0.6)).hasMessageContaining("topK");
      assertThatThrownBy(() -> nearest(vector, self, 5, 60)).hasMessageContaining("minSimilarity");
    }
  }

  /** The policy's defaults: top 5, similarity at least 0.6. */
  private List<Match> nearest(float[] vector, Patent self) throws Exception {
    EvaluationSettings defaults = EvaluationSettings.defaults();
    return nearest(vector, self, defaults.topK(), defaults.minSimilarity());
  }

  private List<Match> nearest(float[] vector, Patent self, int topK, double minSimilarity)
      throws Exception {
    try (ElasticsearchVectorSearch search = ElasticsearchVectorSearch.open(es.settings(), es.settings())) {
      return PriorArt.matches(
          search.search(List.of(PriorArt.query(vector, self, topK, minSimilarity))).get().get(0));
    }
  }

  private void enriched(String id, String contentHash) throws IOException {
    es.client().update(r -> r.index(es.alias()).id(id).doc(Map.of("enriched_content_hash", contentHash)), Map.class);
  }

  /** Merges link lists into a landed document, as the landing job's link sink does. */
  private void links(DocumentLinks links) throws IOException {
    es.client().update(r -> r.index(es.alias()).id(links.publicationKey).doc(LinkDocuments.document(links)),
        Map.class);
  }

  private Patent variant(String key, String applicationKey, String familyId, String title) {
    Patent.Builder builder = Patent.newBuilder(SamplePatents.withKey(self, key))
        .setApplicationKey(applicationKey)
        .setFamilyId(familyId);
    if (title != null) {
      builder.setTitles(List.of(new LocalizedText("en", title)))
          .setAbstracts(List.of(new LocalizedText("en", "SIP messages that arrive in an ongoing dialog "
              + "for which no session exists get a new session and are handed to the application.")))
          .setClaims(List.of());
    }
    return builder.build();
  }

  private void land(Patent patent) throws IOException {
    float[] vector = model.embed(List.of(EmbeddingText.of(patent))).get(0);
    vectors.put(patent.getPublicationKey(), vector);
    Map<String, Object> document = PatentDocuments.document(patent);
    document.put("embedding", vector);
    document.put("embedding_model", model.modelId());
    es.client().index(r -> r.index(es.alias()).id(patent.getPublicationKey()).document(document)
        .refresh(Refresh.False));
  }
}
