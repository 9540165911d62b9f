package io.patent2tech.udfs.eval.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Optional;

/**
 * Writes a parsed answer record back as the JSON object of its schema ({@code isNovel} becomes
 * {@code is_novel}), for the answer cache. Storing the validated record rather than the model's
 * raw text keeps fences, whitespace and anything else the parser tolerated out of the cache.
 */
final class AnswerJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

  private AnswerJson() {}

  /**
   * The answer as JSON, only if {@code parser} reads it back as an equal answer: a record whose
   * JSON would not round-trip (a schema the naming rule does not fit) is not cached at all, rather
   * than cached as something a later run cannot use.
   */
  static <T> Optional<String> write(T answer, AnswerParser<T> parser) {
    try {
      String json = MAPPER.writeValueAsString(answer);
      return answer.equals(parser.parse(json)) ? Optional.of(json) : Optional.empty();
    } catch (JsonProcessingException | LlmAnswerException e) {
      return Optional.empty();
    }
  }
}
