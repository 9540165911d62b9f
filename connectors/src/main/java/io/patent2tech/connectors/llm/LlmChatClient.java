package io.patent2tech.connectors.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.output.TokenUsage;
import io.patent2tech.udfs.eval.llm.ChatCall;
import io.patent2tech.udfs.eval.llm.ChatReply;
import io.patent2tech.udfs.eval.llm.Prompt;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * A langchain4j chat model behind {@link ChatCall}: OpenAI-compatible (OpenAI, vLLM, ...) or
 * Ollama, per {@link LlmSettings}. Every request asks for a JSON answer (OpenAI's {@code
 * response_format: json_object}, Ollama's {@code format: json}), passes the provider's shared rate
 * limit and is retried on 429 / 5xx / timeouts by {@link RetryingHttpClient}. Token counts are
 * passed on as the provider reports them.
 *
 * <p>Thread-safe: build one per settings in an operator's {@code open()} and call it from any
 * number of threads.
 */
public final class LlmChatClient implements ChatCall {

  private final LlmSettings settings;
  private final ChatModel model;

  private LlmChatClient(LlmSettings settings, ChatModel model) {
    this.settings = settings;
    this.model = model;
  }

  public static LlmChatClient create(LlmSettings settings) {
    RetryingHttpClient.Builder http =
        RetryingHttpClient.builder(
            settings.maxRetries(), settings.initialBackoff(), RateLimiters.forSettings(settings));
    ChatModel model;
    switch (settings.provider()) {
      case OPENAI:
        model =
            OpenAiChatModel.builder()
                .httpClientBuilder(http)
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey())
                .modelName(settings.model())
                .temperature(settings.temperature())
                .maxTokens(settings.maxOutputTokens())
                .responseFormat("json_object")
                .timeout(settings.timeout())
                .maxRetries(0)
                .build();
        break;
      case OLLAMA:
        model =
            OllamaChatModel.builder()
                .httpClientBuilder(http)
                .baseUrl(settings.baseUrl())
                .customHeaders(
                    settings.apiKey() == null
                        ? Map.of()
                        : Map.of("Authorization", "Bearer " + settings.apiKey()))
                .modelName(settings.model())
                .temperature(settings.temperature())
                .numPredict(settings.maxOutputTokens())
                .responseFormat(ResponseFormat.JSON)
                .timeout(settings.timeout())
                .maxRetries(0)
                .build();
        break;
      default:
        throw new IllegalArgumentException("unsupported provider " + settings.provider());
    }
    return new LlmChatClient(settings, model);
  }

  /** A client for {@code settings}, built where the operator runs. */
  public static ChatCall.Factory factory(LlmSettings settings) {
    return () -> create(settings);
  }

  public LlmSettings settings() {
    return settings;
  }

  /**
   * @throws TimeoutException when the model did not answer within the timeout on any attempt
   * @throws RuntimeException for HTTP errors left after retries (langchain4j's RateLimitException,
   *     InternalServerException, AuthenticationException, ...) and unreachable servers
   */
  @Override
  public ChatReply complete(Prompt prompt) throws TimeoutException {
    ChatRequest request =
        ChatRequest.builder()
            .messages(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user()))
            .build();
    ChatResponse response;
    try {
      response = model.chat(request);
    } catch (dev.langchain4j.exception.TimeoutException e) {
      TimeoutException timeout = new TimeoutException(e.getMessage());
      timeout.initCause(e);
      throw timeout;
    }
    String text = response.aiMessage() == null ? null : response.aiMessage().text();
    TokenUsage usage = response.tokenUsage();
    return new ChatReply(
        text == null ? "" : text,
        usage == null ? null : usage.inputTokenCount(),
        usage == null ? null : usage.outputTokenCount());
  }
}
