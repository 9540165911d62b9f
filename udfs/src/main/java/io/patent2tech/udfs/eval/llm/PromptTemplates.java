package io.patent2tech.udfs.eval.llm;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The three prompts of the LLM stage, rendered from the versioned prompt files in this package's
 * resources: novelty and inventive step (seed 002 section 3) and the technology analysis (seed 001,
 * Phase 1), each in Korean or English.
 *
 * <p>Patent text and retrieved passages only ever enter a prompt through {@link UntrustedText}: cut
 * to the lengths below, cleaned, inside {@code <patent_text>} / {@code <reference_text>} blocks
 * that the system message declares to be data, never instructions.
 */
public final class PromptTemplates {

  public static final String NOVELTY = "novelty";
  public static final String INVENTIVE_STEP = "inventive_step";
  public static final String ANALYSIS = "analysis";

  /** Longest claim text sent (characters); long claims are cut, marked " [...]". */
  public static final int MAX_CLAIM_CHARS = 6000;

  /** Longest retrieved passage sent. */
  public static final int MAX_PASSAGE_CHARS = 1500;

  /** Longest title sent. */
  public static final int MAX_TITLE_CHARS = 500;

  /** Longest abstract sent: the seed's analysis prompt sends the first 4000 characters. */
  public static final int MAX_ABSTRACT_CHARS = 4000;

  private static final PromptTemplate NOVELTY_TEMPLATE = PromptTemplate.load("novelty.prompt");
  private static final PromptTemplate INVENTIVE_STEP_TEMPLATE =
      PromptTemplate.load("inventive-step.prompt");
  private static final PromptTemplate ANALYSIS_TEMPLATE = PromptTemplate.load("analysis.prompt");

  private static final Map<String, PromptTemplate> BY_ID =
      Map.of(
          NOVELTY, NOVELTY_TEMPLATE,
          INVENTIVE_STEP, INVENTIVE_STEP_TEMPLATE,
          ANALYSIS, ANALYSIS_TEMPLATE);

  private PromptTemplates() {}

  /**
   * The novelty prompt for one claim.
   *
   * @param priorArtPassages the retrieved prior art, nearest first (may be empty)
   * @param legalPassages the retrieved statutes and guidelines on novelty (may be empty)
   * @throws IllegalArgumentException when the claim text is blank
   */
  public static Prompt novelty(
      PromptLanguage language,
      String claimText,
      List<Passage> priorArtPassages,
      List<Passage> legalPassages) {
    requireText(claimText, "claim text");
    PromptTemplate t = NOVELTY_TEMPLATE;
    return prompt(
        NOVELTY,
        t,
        language,
        Map.of(
            "claim", UntrustedText.patentBlock(claimText, MAX_CLAIM_CHARS),
            "prior_art", passages(t, language, priorArtPassages),
            "legal", passages(t, language, legalPassages)));
  }

  /**
   * The inventive-step prompt for one claim.
   *
   * @param precedentPassages the retrieved case law on inventive step (may be empty)
   * @throws IllegalArgumentException when the claim text is blank
   */
  public static Prompt inventiveStep(
      PromptLanguage language, String claimText, List<Passage> precedentPassages) {
    requireText(claimText, "claim text");
    PromptTemplate t = INVENTIVE_STEP_TEMPLATE;
    return prompt(
        INVENTIVE_STEP,
        t,
        language,
        Map.of(
            "claim", UntrustedText.patentBlock(claimText, MAX_CLAIM_CHARS),
            "precedents", passages(t, language, precedentPassages)));
  }

  /**
   * The technology analysis prompt for one patent. Any of the three texts may be null or blank
   * (design patents have no abstract), but not all of them.
   *
   * @throws IllegalArgumentException when title, abstract and first claim are all blank
   */
  public static Prompt analysis(
      PromptLanguage language, String title, String abstractText, String firstClaim) {
    if (isBlank(title) && isBlank(abstractText) && isBlank(firstClaim)) {
      throw new IllegalArgumentException("title, abstract and first claim are all blank");
    }
    PromptTemplate t = ANALYSIS_TEMPLATE;
    return prompt(
        ANALYSIS,
        t,
        language,
        Map.of(
            "title", optionalBlock(t, language, title, MAX_TITLE_CHARS),
            "abstract", optionalBlock(t, language, abstractText, MAX_ABSTRACT_CHARS),
            "first_claim", optionalBlock(t, language, firstClaim, MAX_CLAIM_CHARS)));
  }

  /**
   * The one repair retry: the same prompt with the language's repair message appended to the user
   * message, saying why the previous answer was rejected.
   *
   * @param reason the parser's reason ({@link LlmAnswerException#getMessage()}); it is our own text
   *     but quotes pieces of the model's answer, so it is cleaned like any untrusted text
   */
  public static Prompt repair(Prompt original, String reason) {
    PromptTemplate t = BY_ID.get(original.id());
    if (t == null || !t.version().equals(original.version())) {
      throw new IllegalArgumentException(
          "not a prompt of this build: " + original.id() + " " + original.version());
    }
    String repair =
        t.render(original.language(), "repair", Map.of("reason", UntrustedText.clean(reason, 300)));
    return new Prompt(
        original.id(),
        original.version(),
        original.language(),
        original.system(),
        original.user() + "\n\n" + repair);
  }

  /** The version of prompt {@code id} in this build ("novelty-v1"), for cache keys. */
  public static String version(String id) {
    PromptTemplate t = BY_ID.get(id);
    if (t == null) {
      throw new IllegalArgumentException("no prompt " + id + "; known: " + BY_ID.keySet());
    }
    return t.version();
  }

  private static Prompt prompt(
      String id, PromptTemplate t, PromptLanguage language, Map<String, String> values) {
    Objects.requireNonNull(language, "language");
    return new Prompt(
        id,
        t.version(),
        language,
        t.section(language, "system"),
        t.render(language, "user", values));
  }

  private static String passages(
      PromptTemplate t, PromptLanguage language, List<Passage> passages) {
    if (passages == null || passages.isEmpty()) {
      return t.section(language, "none");
    }
    StringBuilder out = new StringBuilder();
    for (Passage p : passages) {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(UntrustedText.referenceBlock(p, MAX_PASSAGE_CHARS));
    }
    return out.toString();
  }

  private static String optionalBlock(
      PromptTemplate t, PromptLanguage language, String text, int maxChars) {
    return isBlank(text) ? t.section(language, "none") : UntrustedText.patentBlock(text, maxChars);
  }

  private static void requireText(String text, String what) {
    if (isBlank(text)) {
      throw new IllegalArgumentException(what + " is blank");
    }
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
