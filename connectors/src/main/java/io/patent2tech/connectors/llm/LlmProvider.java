package io.patent2tech.connectors.llm;

import java.util.Locale;

/** The wire formats the LLM stage speaks. */
public enum LlmProvider {
  /** OpenAI chat completions ({@code POST {baseUrl}/chat/completions}): OpenAI itself, vLLM, ... */
  OPENAI("https://api.openai.com/v1"),
  /** Ollama's native chat API ({@code POST {baseUrl}/api/chat}). */
  OLLAMA("http://localhost:11434");

  private final String defaultBaseUrl;

  LlmProvider(String defaultBaseUrl) {
    this.defaultBaseUrl = defaultBaseUrl;
  }

  /** Where the provider usually listens; an OpenAI-compatible base URL ends in /v1. */
  public String defaultBaseUrl() {
    return defaultBaseUrl;
  }

  /** "openai" or "ollama", any case. */
  public static LlmProvider parse(String name) {
    String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    switch (n) {
      case "openai":
        return OPENAI;
      case "ollama":
        return OLLAMA;
      default:
        throw new IllegalArgumentException(
            "unknown LLM provider '" + name + "'; use openai or ollama");
    }
  }
}
