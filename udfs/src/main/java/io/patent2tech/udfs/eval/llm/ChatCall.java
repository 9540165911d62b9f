package io.patent2tech.udfs.eval.llm;

/**
 * One chat completion: a prompt in, the model's text out. The connector implements it over a real
 * provider; {@link LlmEvaluator} only sees this, so it stays free of network code.
 *
 * <p>Implementations must be safe to call from several threads at once (an async operator calls it
 * from a pool) and should throw a {@link java.util.concurrent.TimeoutException} (or an exception
 * caused by one, or by an {@link java.net.http.HttpTimeoutException} or {@link
 * java.net.SocketTimeoutException}) when the model did not answer in time, so the outcome can say
 * "timeout" rather than "error".
 */
@FunctionalInterface
public interface ChatCall {

  ChatReply complete(Prompt prompt) throws Exception;

  /** Opens a {@link ChatCall} where it is used; only the factory travels with the job graph. */
  @FunctionalInterface
  interface Factory extends java.io.Serializable {
    ChatCall open();
  }
}
