package io.patent2tech.udfs.eval.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Strict parsers for the model's answers. An answer is accepted only as exactly one JSON object
 * (optionally inside one ```json fence) with exactly the schema's fields, each of its type:
 * booleans as JSON booleans, confidences as numbers in [0, 1], texts as non-blank strings, lists as
 * arrays of non-blank strings. Anything else - prose around the object, a missing or an extra
 * field, "true" as a string, a duplicate key - is an {@link LlmAnswerException} with the reason, so
 * that nothing a model writes (or a patent talks it into writing) can add to or change the shape of
 * what the pipeline records.
 */
public final class LlmAnswers {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();
  private static final String FENCE = "```";
  private static final int MAX_NAMES_SHOWN = 5;
  private static final int MAX_NAME_CHARS = 40;

  private LlmAnswers() {}

  /** {@code {"is_novel", "confidence", "reasoning", "key_differences"}}. */
  public static NoveltyAnswer parseNovelty(String raw) throws LlmAnswerException {
    Fields f = Fields.of(raw, "is_novel", "confidence", "reasoning", "key_differences");
    return new NoveltyAnswer(
        f.bool("is_novel"), f.confidence(), f.text("reasoning"), f.strings("key_differences"));
  }

  /** {@code {"has_inventive_step", "confidence", "reasoning"}}. */
  public static InventiveStepAnswer parseInventiveStep(String raw) throws LlmAnswerException {
    Fields f = Fields.of(raw, "has_inventive_step", "confidence", "reasoning");
    return new InventiveStepAnswer(
        f.bool("has_inventive_step"), f.confidence(), f.text("reasoning"));
  }

  /**
   * {@code {"core_concepts", "implementation_feasibility", "related_fields",
   * "commercial_applications", "implementation_outline"}}.
   */
  public static TechnologyAnalysis parseAnalysis(String raw) throws LlmAnswerException {
    Fields f =
        Fields.of(
            raw,
            "core_concepts",
            "implementation_feasibility",
            "related_fields",
            "commercial_applications",
            "implementation_outline");
    return new TechnologyAnalysis(
        f.strings("core_concepts"),
        f.text("implementation_feasibility"),
        f.strings("related_fields"),
        f.strings("commercial_applications"),
        f.strings("implementation_outline"));
  }

  /** The answer without one surrounding code fence (```json ... ``` or ``` ... ```). */
  static String unfence(String raw) throws LlmAnswerException {
    if (raw == null || raw.isBlank()) {
      throw new LlmAnswerException("the answer is empty");
    }
    String s = raw.strip();
    if (!s.startsWith(FENCE)) {
      return s;
    }
    int firstNewline = s.indexOf('\n');
    if (firstNewline < 0 || s.length() < firstNewline + 1 + FENCE.length() || !s.endsWith(FENCE)) {
      throw new LlmAnswerException("the answer opens a code fence and does not close it");
    }
    String info = s.substring(FENCE.length(), firstNewline).strip();
    if (!info.isEmpty() && !info.equalsIgnoreCase("json")) {
      throw new LlmAnswerException(
          "the answer is a code block of type '" + shorten(info) + "', not json");
    }
    return s.substring(firstNewline + 1, s.length() - FENCE.length()).strip();
  }

  private static String shorten(String name) {
    return name.length() <= MAX_NAME_CHARS ? name : name.substring(0, MAX_NAME_CHARS) + "...";
  }

  private static String names(Set<String> names) {
    List<String> shown = new ArrayList<>();
    for (String n : names) {
      if (shown.size() == MAX_NAMES_SHOWN) {
        shown.add("... (" + names.size() + " in all)");
        break;
      }
      shown.add("'" + shorten(n) + "'");
    }
    return String.join(", ", shown);
  }

  /** The checked fields of one answer object. */
  private static final class Fields {

    private final JsonNode object;

    private Fields(JsonNode object) {
      this.object = object;
    }

    static Fields of(String raw, String... schema) throws LlmAnswerException {
      String json = unfence(raw);
      JsonNode node;
      try {
        node = MAPPER.readTree(json);
      } catch (JsonProcessingException e) {
        throw new LlmAnswerException("the answer is not JSON: " + e.getOriginalMessage());
      }
      if (node == null || node.isMissingNode()) {
        throw new LlmAnswerException("the answer is empty");
      }
      if (!node.isObject()) {
        throw new LlmAnswerException("the answer is " + describe(node) + ", not a JSON object");
      }
      Set<String> expected = new LinkedHashSet<>(List.of(schema));
      Set<String> missing = new LinkedHashSet<>(expected);
      Set<String> unexpected = new LinkedHashSet<>();
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        if (!missing.remove(name)) {
          unexpected.add(name);
        }
      }
      if (!missing.isEmpty()) {
        throw new LlmAnswerException("missing field(s) " + names(missing));
      }
      if (!unexpected.isEmpty()) {
        throw new LlmAnswerException(
            "unexpected field(s) "
                + names(unexpected)
                + "; the only fields are "
                + names(expected));
      }
      return new Fields(node);
    }

    boolean bool(String name) throws LlmAnswerException {
      JsonNode v = object.get(name);
      if (!v.isBoolean()) {
        throw wrongType(name, "true or false", v);
      }
      return v.booleanValue();
    }

    double confidence() throws LlmAnswerException {
      JsonNode v = object.get("confidence");
      if (!v.isNumber()) {
        throw wrongType("confidence", "a number from 0.0 to 1.0", v);
      }
      double d = v.doubleValue();
      if (!(d >= 0 && d <= 1)) {
        throw new LlmAnswerException("field 'confidence' must be from 0.0 to 1.0, got " + v);
      }
      return d;
    }

    String text(String name) throws LlmAnswerException {
      JsonNode v = object.get(name);
      if (!v.isTextual() || v.textValue().isBlank()) {
        throw wrongType(name, "a non-empty string", v);
      }
      return v.textValue().strip();
    }

    List<String> strings(String name) throws LlmAnswerException {
      JsonNode v = object.get(name);
      if (!v.isArray()) {
        throw wrongType(name, "an array of strings", v);
      }
      List<String> out = new ArrayList<>(v.size());
      for (JsonNode e : v) {
        if (!e.isTextual() || e.textValue().isBlank()) {
          throw new LlmAnswerException(
              "field '"
                  + name
                  + "' must be an array of non-empty strings, it holds "
                  + describe(e));
        }
        out.add(e.textValue().strip());
      }
      return out;
    }

    private static LlmAnswerException wrongType(String name, String expected, JsonNode got) {
      return new LlmAnswerException(
          "field '" + name + "' must be " + expected + ", got " + describe(got));
    }

    private static String describe(JsonNode node) {
      if (node.isTextual()) {
        return node.textValue().isBlank() ? "an empty string" : "a string";
      }
      return "a JSON " + node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
  }
}
