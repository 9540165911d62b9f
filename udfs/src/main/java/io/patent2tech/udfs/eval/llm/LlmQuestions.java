package io.patent2tech.udfs.eval.llm;

import io.patent2tech.schema.LlmJudgement;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.TechnologyAnalysis;
import io.patent2tech.udfs.PatentTexts;
import io.patent2tech.udfs.eval.Enrichment;
import java.util.ArrayList;
import java.util.List;

/**
 * What the LLM stage asks about a patent and how the answers go back on it: the novelty and
 * inventive-step questions on its first independent claim (with the retrieved prior-art claims
 * and legal passages), and the technology analysis of its title, abstract and claim, each cached
 * under the patent's content hash. The prompts are in the patent's language ({@link
 * PromptLanguage#forPatentLanguage}); patent text goes into them only as escaped data blocks.
 */
public final class LlmQuestions {

  private LlmQuestions() {}

  /** The questions for {@code e}, in the order {@link #merge} reads their outcomes. */
  public static List<LlmRequest<?>> requests(Enrichment e) {
    Patent patent = e.patent;
    PromptLanguage language = language(patent);
    List<LlmRequest<?>> requests = new ArrayList<>(3);
    if (e.claim != null) {
      requests.add(new LlmRequest<>(PromptTemplates.NOVELTY, patent.getContentHash(),
          PromptTemplates.novelty(language, e.claim, priorArt(e), passages(e.noveltyPassages)),
          LlmAnswers::parseNovelty));
      requests.add(new LlmRequest<>(PromptTemplates.INVENTIVE_STEP, patent.getContentHash(),
          PromptTemplates.inventiveStep(language, e.claim, passages(e.inventiveStepPassages)),
          LlmAnswers::parseInventiveStep));
    }
    String title = PatentTexts.title(patent).orElse(null);
    String abstractText = PatentTexts.abstractText(patent).orElse(null);
    if (title != null || abstractText != null || e.claim != null) {
      requests.add(new LlmRequest<>(PromptTemplates.ANALYSIS, patent.getContentHash(),
          PromptTemplates.analysis(language, title, abstractText, e.claim),
          LlmAnswers::parseAnalysis));
    }
    return requests;
  }

  /** Puts the outcomes of {@link #requests} on {@code e}. */
  @SuppressWarnings("unchecked")
  public static Enrichment merge(Enrichment e, List<LlmOutcome<?>> outcomes) {
    int next = 0;
    if (e.claim != null) {
      e.noveltyLlm = novelty((LlmOutcome<NoveltyAnswer>) outcomes.get(next++));
      e.inventiveStepLlm = inventiveStep((LlmOutcome<InventiveStepAnswer>) outcomes.get(next++));
    }
    if (next < outcomes.size()) {
      e.analysis = analysis(
          (LlmOutcome<io.patent2tech.udfs.eval.llm.TechnologyAnalysis>) outcomes.get(next));
    }
    return e;
  }

  public static PromptLanguage language(Patent patent) {
    return PromptLanguage.forPatentLanguage(patent.getLanguage());
  }

  private static List<Passage> priorArt(Enrichment e) {
    List<Passage> passages = new ArrayList<>();
    for (Enrichment.PriorArtDocument document : e.priorArt) {
      if (document.firstClaim != null && !document.firstClaim.isBlank()) {
        passages.add(new Passage(document.publicationKey + ", claim 1", document.firstClaim));
      }
    }
    return passages;
  }

  private static List<Passage> passages(Enrichment.LegalPassage[] legal) {
    List<Passage> passages = new ArrayList<>(legal.length);
    for (Enrichment.LegalPassage passage : legal) {
      if (passage.text != null && !passage.text.isBlank()) {
        String source = passage.citation != null ? passage.citation
            : passage.title != null ? passage.title : passage.id;
        passages.add(new Passage(source, passage.text));
      }
    }
    return passages;
  }

  private static LlmJudgement novelty(LlmOutcome<NoveltyAnswer> outcome) {
    LlmJudgement.Builder judgement = judgement(outcome);
    NoveltyAnswer answer = outcome.answer();
    if (answer != null) {
      judgement.setVerdict(answer.isNovel()).setConfidence(answer.confidence())
          .setReasoning(answer.reasoning()).setKeyDifferences(answer.keyDifferences());
    }
    return judgement.build();
  }

  private static LlmJudgement inventiveStep(LlmOutcome<InventiveStepAnswer> outcome) {
    LlmJudgement.Builder judgement = judgement(outcome);
    InventiveStepAnswer answer = outcome.answer();
    if (answer != null) {
      judgement.setVerdict(answer.hasInventiveStep()).setConfidence(answer.confidence())
          .setReasoning(answer.reasoning());
    }
    return judgement.build();
  }

  private static LlmJudgement.Builder judgement(LlmOutcome<?> outcome) {
    return LlmJudgement.newBuilder()
        .setStatus(status(outcome))
        .setModel(outcome.model())
        .setPromptVersion(outcome.promptVersion())
        .setError(outcome.failureReason())
        .setAttempts(outcome.attempts())
        .setLatencyMs(outcome.latencyMs())
        .setPromptTokens(outcome.inputTokens())
        .setCompletionTokens(outcome.outputTokens());
  }

  private static TechnologyAnalysis analysis(
      LlmOutcome<io.patent2tech.udfs.eval.llm.TechnologyAnalysis> outcome) {
    TechnologyAnalysis.Builder analysis = TechnologyAnalysis.newBuilder()
        .setStatus(status(outcome))
        .setModel(outcome.model())
        .setPromptVersion(outcome.promptVersion())
        .setAttempts(outcome.attempts())
        .setLatencyMs(outcome.latencyMs())
        .setError(outcome.failureReason())
        .setPromptTokens(outcome.inputTokens())
        .setCompletionTokens(outcome.outputTokens());
    io.patent2tech.udfs.eval.llm.TechnologyAnalysis answer = outcome.answer();
    if (answer != null) {
      analysis.setCoreConcepts(answer.coreConcepts())
          .setImplementationFeasibility(answer.implementationFeasibility())
          .setRelatedFields(answer.relatedFields())
          .setCommercialApplications(answer.commercialApplications())
          .setImplementationOutline(answer.implementationOutline());
    }
    return analysis.build();
  }

  /** ok | cached | invalid_answer | timeout | error. */
  private static String status(LlmOutcome<?> outcome) {
    return outcome.cached() ? "cached" : outcome.status().wireName();
  }
}
