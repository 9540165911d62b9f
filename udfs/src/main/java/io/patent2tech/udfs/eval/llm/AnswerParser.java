package io.patent2tech.udfs.eval.llm;

/** Turns a model's raw answer into a typed answer, or says why it cannot. */
@FunctionalInterface
public interface AnswerParser<T> {

  T parse(String raw) throws LlmAnswerException;
}
