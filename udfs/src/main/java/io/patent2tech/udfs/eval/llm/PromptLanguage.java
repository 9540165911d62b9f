package io.patent2tech.udfs.eval.llm;

import java.util.Locale;

/** The language a prompt is written in: Korean as in the seeds, or their English translation. */
public enum PromptLanguage {
  EN("en"),
  KO("ko");

  private final String code;

  PromptLanguage(String code) {
    this.code = code;
  }

  /** ISO 639-1 code, also the prefix of the language's sections in the prompt files. */
  public String code() {
    return code;
  }

  /**
   * The prompt language for a patent written in {@code iso639} (the Patent's {@code language}):
   * Korean for "ko", English for anything else, including unknown (null) - English is what the
   * models read best after Korean and the lingua franca of the other offices' publications.
   */
  public static PromptLanguage forPatentLanguage(String iso639) {
    return iso639 != null && iso639.trim().toLowerCase(Locale.ROOT).equals("ko") ? KO : EN;
  }
}
