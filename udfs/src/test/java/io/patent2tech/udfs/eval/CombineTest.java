package io.patent2tech.udfs.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.patent2tech.schema.DocumentId;
import io.patent2tech.schema.EnrichedPatent;
import io.patent2tech.schema.LlmJudgement;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.Source;
import org.junit.jupiter.api.Test;

class CombineTest {

  private static final Combine COMBINE = new Combine(EvaluationSettings.defaults(), "fp");

  @Test
  void allStagesUseTheSeedWeights() {
    Enrichment e = enrichment();
    e.retrieved = true;
    e.priorArt = new Enrichment.PriorArtDocument[] {priorArt(0.9), priorArt(0.7)};
    e.inventiveStepPassages = new Enrichment.LegalPassage[] {passage(0.5), passage(0.6)};
    e.noveltyRuleScore = 0.5;
    e.inventiveStepRuleScore = 0.4;
    e.noveltyLlm = judgement(false, 0.8);
    e.inventiveStepLlm = judgement(true, 0.9);

    EnrichedPatent out = COMBINE.map(e);

    assertThat(out.getNovelty().getRagScore()).isEqualTo(0.9);
    assertThat(out.getNovelty().getLlmScore()).as("not novel, 0.8 sure").isEqualTo(0.8);
    assertThat(out.getNovelty().getFinalScore())
        .isCloseTo(0.3 * 0.5 + 0.4 * 0.9 + 0.3 * 0.8, within(1e-12));
    assertThat(out.getNovelty().getIsNovel()).isFalse(); // 0.75 >= 0.7
    assertThat(out.getNovelty().getStagesUsed()).containsExactly("rule", "rag", "llm");
    assertThat(out.getInventiveStep().getPrecedentScore()).isEqualTo(0.6);
    assertThat(out.getInventiveStep().getLlmScore()).isEqualTo(0.9);
    assertThat(out.getInventiveStep().getFinalScore())
        .isCloseTo(0.4 * 0.4 + 0.3 * 0.6 + 0.3 * 0.9, within(1e-12));
    assertThat(out.getInventiveStep().getHasInventiveStep()).isTrue(); // 0.61 > 0.6
  }

  @Test
  void stagesThatDidNotRunDropOutAndTheWeightsRenormalize() {
    Enrichment e = enrichment();
    e.retrieved = false; // RAG off or failed
    e.noveltyRuleScore = 0.2;
    e.inventiveStepRuleScore = 0.7;
    e.noveltyLlm = LlmJudgement.newBuilder().setStatus("timeout").setModel("m")
        .setPromptVersion("novelty-v1").setError("no answer").build();

    EnrichedPatent out = COMBINE.map(e);

    assertThat(out.getNovelty().getRagScore()).isNull();
    assertThat(out.getNovelty().getLlmScore()).isNull();
    assertThat(out.getNovelty().getStagesUsed()).containsExactly("rule");
    assertThat(out.getNovelty().getWeights()).containsEntry("rule", 1.0);
    assertThat(out.getNovelty().getFinalScore()).isEqualTo(0.2);
    assertThat(out.getNovelty().getLlm().getStatus()).isEqualTo("timeout");
    assertThat(out.getInventiveStep().getStagesUsed()).containsExactly("rule");
    assertThat(out.getInventiveStep().getFinalScore()).isEqualTo(0.7);
    assertThat(out.getInventiveStep().getHasInventiveStep()).isTrue();
  }

  @Test
  void retrievalThatFoundNothingIsACloseness0NotAMissingStage() {
    Enrichment e = enrichment();
    e.retrieved = true;
    e.noveltyRuleScore = 0.0;

    EnrichedPatent out = COMBINE.map(e);

    assertThat(out.getNovelty().getRagScore()).isEqualTo(0.0);
    assertThat(out.getNovelty().getStagesUsed()).containsExactly("rule", "rag");
    assertThat(out.getInventiveStep().getPrecedentScore())
        .as("no passage of the jurisdiction: the precedent stage has nothing to say").isNull();
    assertThat(out.getInventiveStep().getStagesUsed()).containsExactly("rule");
  }

  @Test
  void theLlmScorePointsTheQuestionsWay() {
    assertThat(Combine.llmScore(judgement(true, 0.9), false)).as("novel, sure").isCloseTo(0.1, within(1e-12));
    assertThat(Combine.llmScore(judgement(false, 0.9), false)).isEqualTo(0.9);
    assertThat(Combine.llmScore(judgement(true, 0.9), true)).isEqualTo(0.9);
    assertThat(Combine.llmScore(judgement(false, 0.9), true)).isCloseTo(0.1, within(1e-12));
    assertThat(Combine.llmScore(null, true)).isNull();
  }

  @Test
  void theRecordCarriesWhatWasRetrievedAndTheFingerprint() {
    Enrichment e = enrichment();
    e.retrieved = true;
    e.vector = new float[] {0.6f, 0.8f};
    e.embeddingModel = "bge";
    Enrichment.PriorArtDocument pa = priorArt(0.75);
    pa.featureSimilarity = 0.25;
    e.priorArt = new Enrichment.PriorArtDocument[] {pa};
    e.noveltyPassages = new Enrichment.LegalPassage[] {passage(0.66)};

    EnrichedPatent out = COMBINE.map(e);

    assertThat(out.getSettingsFingerprint()).isEqualTo("fp");
    assertThat(out.getJurisdiction()).isEqualTo("US");
    assertThat(out.getLanguage()).isEqualTo("en");
    assertThat(out.getEmbedding().getVector()).containsExactly(0.6f, 0.8f);
    assertThat(out.getPriorArt()).singleElement().satisfies(p -> {
      assertThat(p.getPublicationKey()).isEqualTo("US-1-B2");
      assertThat(p.getFeatureSimilarity()).isEqualTo(0.25);
    });
    assertThat(out.getNoveltyPassages()).singleElement()
        .satisfies(p -> assertThat(p.getCitation()).isEqualTo("35 U.S.C. 102"));
  }

  @Test
  void theRecordNamesTheNearDuplicateItResemblesAndScoresOnItsOwn() {
    Enrichment alone = enrichment();
    alone.retrieved = true;
    Enrichment resembling = enrichment();
    resembling.retrieved = true;
    resembling.resembles = "WO-2015000001-A1";

    EnrichedPatent out = COMBINE.map(resembling);

    assertThat(out.getResembles()).isEqualTo("WO-2015000001-A1");
    assertThat(COMBINE.map(alone).getResembles()).isNull();
    // nothing of the other evaluation is taken over: the scores are this patent's own
    assertThat(out.getNovelty()).isEqualTo(COMBINE.map(alone).getNovelty());
    assertThat(out.getInventiveStep()).isEqualTo(COMBINE.map(alone).getInventiveStep());
  }

  private static Enrichment enrichment() {
    Enrichment e = new Enrichment();
    e.patent = Patent.newBuilder()
        .setPublicationKey("US-8930553-B2")
        .setPublication(DocumentId.newBuilder().setCountry("US").setNumber("8930553").build())
        .setLanguage("en")
        .setContentHash("hash")
        .setVersion(1)
        .setSource(Source.newBuilder().setOffice("USPTO").setFile("f").setPosition(0).build())
        .setIngestTime(0)
        .build();
    e.technologyField = "software";
    e.features = new String[] {"sip session"};
    return e;
  }

  private static Enrichment.PriorArtDocument priorArt(double similarity) {
    Enrichment.PriorArtDocument d = new Enrichment.PriorArtDocument();
    d.publicationKey = "US-1-B2";
    d.similarity = similarity;
    return d;
  }

  private static Enrichment.LegalPassage passage(double similarity) {
    Enrichment.LegalPassage p = new Enrichment.LegalPassage();
    p.id = "us-35usc-102#1";
    p.citation = "35 U.S.C. 102";
    p.similarity = similarity;
    return p;
  }

  private static LlmJudgement judgement(boolean verdict, double confidence) {
    return LlmJudgement.newBuilder().setStatus("ok").setModel("m").setPromptVersion("v1")
        .setVerdict(verdict).setConfidence(confidence).build();
  }
}
