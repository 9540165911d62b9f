package io.patent2tech.udfs.eval.llm;

/**
 * A model answer that does not fit the requested JSON schema. The message is the reason, written to
 * be shown to the model in the repair prompt and to a person in the failure record.
 */
public class LlmAnswerException extends Exception {

  public LlmAnswerException(String reason) {
    super(reason);
  }
}
