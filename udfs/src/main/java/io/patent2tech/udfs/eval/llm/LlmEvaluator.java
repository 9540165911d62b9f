package io.patent2tech.udfs.eval.llm;

import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Objects;
import java.util.concurrent.TimeoutException;

/**
 * Runs one prompt through a model and returns a typed outcome: call, parse strictly, on an invalid
 * answer one repair retry (the same prompt plus the parser's reason), then a recorded failure.
 * Model problems (timeouts, HTTP errors, answers off the schema) never escape as exceptions.
 *
 * <p>Holds no state between calls: one instance can serve every thread of an async operator's pool,
 * as long as the {@link ChatCall} can.
 */
public final class LlmEvaluator {

  /** The first answer and one repair retry. */
  static final int MAX_ATTEMPTS = 2;

  private static final int MAX_REASON_CHARS = 500;
  private static final int MAX_EXCERPT_CHARS = 120;

  private final ChatCall chat;
  private final String model;

  /**
   * @param chat the model
   * @param model the configured model id, recorded with every outcome (and part of cache keys)
   */
  public LlmEvaluator(ChatCall chat, String model) {
    this.chat = Objects.requireNonNull(chat, "chat");
    this.model = Objects.requireNonNull(model, "model");
  }

  public String model() {
    return model;
  }

  /**
   * Asks {@code prompt} and parses the answer with {@code parser} (for example {@link
   * LlmAnswers#parseNovelty}).
   *
   * @param prompt a prompt from {@link PromptTemplates} (its repair message comes from there too)
   */
  public <T> LlmOutcome<T> evaluate(Prompt prompt, AnswerParser<T> parser) {
    long start = System.nanoTime();
    Usage usage = new Usage();
    Prompt current = prompt;
    for (int attempt = 1; ; attempt++) {
      ChatReply reply;
      try {
        reply = chat.complete(current);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return failure(prompt, LlmStatus.ERROR, "interrupted", attempt, start, usage);
      } catch (Exception e) {
        LlmStatus status = isTimeout(e) ? LlmStatus.TIMEOUT : LlmStatus.ERROR;
        return failure(prompt, status, describe(e), attempt, start, usage);
      }
      if (reply == null) {
        return failure(
            prompt, LlmStatus.ERROR, "the model client returned no reply", attempt, start, usage);
      }
      usage.add(reply);
      try {
        T answer = parser.parse(reply.text());
        return new LlmOutcome<>(
            LlmStatus.OK,
            answer,
            null,
            attempt,
            millisSince(start),
            usage.input,
            usage.output,
            model,
            prompt.version());
      } catch (LlmAnswerException e) {
        if (attempt == MAX_ATTEMPTS) {
          String reason =
              "invalid answer after the repair retry: "
                  + e.getMessage()
                  + " (answer began: "
                  + excerpt(reply.text())
                  + ")";
          return failure(prompt, LlmStatus.INVALID_ANSWER, reason, attempt, start, usage);
        }
        current = PromptTemplates.repair(prompt, e.getMessage());
      } catch (RuntimeException e) {
        // a parser bug on some odd answer must not take the job down with it
        return failure(
            prompt, LlmStatus.ERROR, "parser failed: " + describe(e), attempt, start, usage);
      }
    }
  }

  private <T> LlmOutcome<T> failure(
      Prompt prompt, LlmStatus status, String reason, int attempts, long start, Usage usage) {
    String cut =
        reason.length() <= MAX_REASON_CHARS
            ? reason
            : reason.substring(0, MAX_REASON_CHARS) + "...";
    return new LlmOutcome<>(
        status,
        null,
        cut,
        attempts,
        millisSince(start),
        usage.input,
        usage.output,
        model,
        prompt.version());
  }

  /** True when a timeout is the exception or any of its causes. */
  static boolean isTimeout(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof TimeoutException
          || t instanceof HttpTimeoutException
          || t instanceof SocketTimeoutException) {
        return true;
      }
    }
    return false;
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName()
        + (message == null || message.isBlank() ? "" : ": " + message.strip());
  }

  private static String excerpt(String text) {
    String flat = text.strip().replaceAll("\\s+", " ");
    return "\""
        + (flat.length() <= MAX_EXCERPT_CHARS ? flat : flat.substring(0, MAX_EXCERPT_CHARS) + "...")
        + "\"";
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  /** Token counts summed over attempts; null until a provider reports one. */
  private static final class Usage {
    Integer input;
    Integer output;

    void add(ChatReply reply) {
      input = sum(input, reply.inputTokens());
      output = sum(output, reply.outputTokens());
    }

    private static Integer sum(Integer total, Integer more) {
      if (more == null) {
        return total;
      }
      return total == null ? more : Integer.valueOf(total + more);
    }
  }
}
