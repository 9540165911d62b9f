package io.patent2tech.udfs.eval.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.patent2tech.schema.Claim;
import io.patent2tech.schema.Classification;
import io.patent2tech.schema.DocumentId;
import io.patent2tech.schema.LocalizedText;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.Source;
import io.patent2tech.udfs.eval.Enrichment;
import io.patent2tech.udfs.eval.rules.RuleStage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The enrich job's rule stage and LLM questions on hand-made patents. */
class LlmQuestionsAndRulesTest {

  private static final String CLAIM = "A system comprising: a display device; a processor "
      + "configured to render a sip session; and a memory.";
  private static final String PRIOR_ART_CLAIM = "An apparatus comprising: a monitor; a CPU; and "
      + "a battery.";

  @Test
  void theRuleStageScoresTheFirstIndependentClaimAgainstEachPriorArtClaim() throws Exception {
    Enrichment e = new Enrichment();
    e.patent = patent(List.of(
        claim(1, "The system of claim 2, wherein it is red.", false),
        claim(2, CLAIM, true)));
    Enrichment.PriorArtDocument close = new Enrichment.PriorArtDocument();
    close.publicationKey = "US-1-B2";
    close.firstClaim = PRIOR_ART_CLAIM;
    Enrichment.PriorArtDocument withoutClaim = new Enrichment.PriorArtDocument();
    withoutClaim.publicationKey = "US-2-S1";
    e.priorArt = new Enrichment.PriorArtDocument[] {close, withoutClaim};

    RuleStage rules = new RuleStage();
    rules.open((org.apache.flink.api.common.functions.OpenContext) null);
    rules.map(e);

    assertThat(e.claim).isEqualTo(CLAIM);
    // display device, processing unit (processor), sip session, storage device (memory)
    assertThat(e.features).contains("display device", "processing unit", "storage device");
    // monitor = display device, CPU = processing unit: 2 shared of 4 + 3 - 2 = 5
    assertThat(close.featureSimilarity).isEqualTo(2.0 / (e.features.length + 3 - 2));
    assertThat(withoutClaim.featureSimilarity).isNull();
    assertThat(e.noveltyRuleScore).isEqualTo(close.featureSimilarity);
    assertThat(e.technologyField).as("CPC G06F before IPC A01B").isEqualTo("software");
    double expected = (0.6 + Math.min(1, e.features.length / 10.0 * 0.3) + 0.3) / 3;
    assertThat(e.inventiveStepRuleScore).isEqualTo(expected);
  }

  @Test
  void threeQuestionsWithAClaimAndTheirAnswersGoBackInOrder() {
    Enrichment e = new Enrichment();
    e.patent = patent(List.of(claim(1, CLAIM, true)));
    e.claim = CLAIM;

    List<LlmRequest<?>> requests = LlmQuestions.requests(e);
    assertThat(requests).extracting(LlmRequest::task).containsExactly(
        PromptTemplates.NOVELTY, PromptTemplates.INVENTIVE_STEP, PromptTemplates.ANALYSIS);
    assertThat(requests).allSatisfy(r -> assertThat(r.contentHash()).isEqualTo("hash"));

    LlmQuestions.merge(e, List.of(
        ok(new NoveltyAnswer(false, 0.8, "shown", List.of("none"))),
        LlmOutcome.fromCache(new InventiveStepAnswer(true, 0.6, "not obvious"), 3, "m", "v1"),
        new LlmOutcome<TechnologyAnalysis>(LlmStatus.TIMEOUT, null, "slow", 1, 30_000, null,
            null, "m", "analysis-v1")));
    assertThat(e.noveltyLlm.getStatus()).isEqualTo("ok");
    assertThat(e.noveltyLlm.getVerdict()).isFalse();
    assertThat(e.noveltyLlm.getKeyDifferences()).containsExactly("none");
    assertThat(e.inventiveStepLlm.getStatus()).isEqualTo("cached");
    assertThat(e.inventiveStepLlm.getAttempts()).isZero();
    assertThat(e.analysis.getStatus()).isEqualTo("timeout");
    assertThat(e.analysis.getError()).isEqualTo("slow");
    assertThat(e.analysis.getCoreConcepts()).isEmpty();
  }

  @Test
  void withoutAClaimOnlyTheAnalysisIsAsked() {
    Enrichment e = new Enrichment();
    e.patent = patent(List.of());

    List<LlmRequest<?>> requests = LlmQuestions.requests(e);
    assertThat(requests).extracting(LlmRequest::task).containsExactly(PromptTemplates.ANALYSIS);

    LlmQuestions.merge(e, List.of(ok(new TechnologyAnalysis(List.of("display"), "easy",
        List.of(), List.of(), List.of("build it")))));
    assertThat(e.noveltyLlm).isNull();
    assertThat(e.analysis.getCoreConcepts()).containsExactly("display");
  }

  private static <T> LlmOutcome<T> ok(T answer) {
    return new LlmOutcome<>(LlmStatus.OK, answer, null, 1, 10, 100, 20, "m", "v1");
  }

  private static Claim claim(int number, String text, boolean independent) {
    return Claim.newBuilder().setNumber(number).setText(text).setIndependent(independent).build();
  }

  private static Patent patent(List<Claim> claims) {
    return Patent.newBuilder()
        .setPublicationKey("US-8930553-B2")
        .setPublication(DocumentId.newBuilder().setCountry("US").setNumber("8930553").build())
        .setLanguage("en")
        .setTitles(List.of(new LocalizedText("en", "Display system")))
        .setClaims(claims)
        .setClassifications(List.of(
            Classification.newBuilder().setScheme("IPC").setSymbol("A01B 1/00").setFirst(true)
                .build(),
            Classification.newBuilder().setScheme("CPC").setSymbol("G06F 3/14").setFirst(false)
                .build()))
        .setContentHash("hash")
        .setSource(Source.newBuilder().setOffice("USPTO").setFile("f").setPosition(0).build())
        .setIngestTime(0)
        .build();
  }
}
