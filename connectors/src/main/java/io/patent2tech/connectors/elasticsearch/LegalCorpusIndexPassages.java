package io.patent2tech.connectors.elasticsearch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the legal corpus file (data/legal-corpus/legal_corpus.jsonl, one JSON record per line,
 * fields in its README) and cuts each record into passages: retrieval hands single provisions to
 * the LLM, and an embedding describes a short text better than a long one.
 *
 * <p>A record's text is split at its blank lines (subsections, paragraphs) and the pieces are packed
 * in order into passages of at most {@link #maxChars} characters; a piece longer than that stays
 * whole. Korean gets a smaller budget, about one paragraph (항) of a statute: a Hangul syllable carries more than a Latin letter and the
 * default English model spends about three tokens on it.
 */
final class LegalCorpusIndexPassages {

  static final int MAX_CHARS_LATIN = 1200;
  static final int MAX_CHARS_KOREAN = 300;

  private static final Set<String> JURISDICTIONS = Set.of("US", "EP", "KR");
  private static final ObjectMapper JSON = new ObjectMapper();

  private LegalCorpusIndexPassages() {}

  /** One passage: the Elasticsearch document without its embedding. */
  record Passage(String id, String recordId, int number, int count, String jurisdiction, String kind,
      String language, List<String> topics, String citation, String title, String text,
      String sourceUrl, boolean partial) {

    /** What the model embeds: the provision's name gives a short passage its context. */
    String embeddingText() {
      return citation + " " + title + "\n" + text;
    }

    /** The document's fields in a fixed order (embedding, model and hash are added by the loader). */
    Map<String, Object> fields() {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("passage_id", id);
      doc.put("record_id", recordId);
      doc.put("passage", number);
      doc.put("passages", count);
      doc.put("jurisdiction", jurisdiction);
      doc.put("kind", kind);
      doc.put("language", language);
      doc.put("topics", topics);
      doc.put("citation", citation);
      doc.put("title", title);
      doc.put("text", text);
      doc.put("source_url", sourceUrl);
      doc.put("partial", partial);
      return doc;
    }

    /**
     * SHA-256 over the fields and the model: a passage whose text or metadata changed, or that a
     * different model would embed, gets a new hash, and only those are embedded and written again.
     */
    String contentHash(String modelId) {
      try {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(JSON.writeValueAsBytes(fields()));
        digest.update((byte) '\n');
        digest.update(modelId.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
      } catch (JsonProcessingException | NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * The passages of every record, in file order.
   *
   * @throws IllegalArgumentException naming the line of a record that is not valid JSON, lacks a
   *     required field, has an unknown jurisdiction or repeats an id
   */
  static List<Passage> read(Path jsonl) {
    List<Passage> passages = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    try (BufferedReader reader = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
      int lineNumber = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        String where = jsonl.getFileName() + " line " + lineNumber;
        JsonNode record;
        try {
          record = JSON.readTree(line);
        } catch (JsonProcessingException e) {
          throw new IllegalArgumentException(where + " is not valid JSON: " + e.getOriginalMessage());
        }
        String id = required(record, "id", where);
        if (!ids.add(id)) {
          throw new IllegalArgumentException(where + ": id '" + id + "' appears twice");
        }
        passages.addAll(passagesOf(record, id, where));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read legal corpus " + jsonl, e);
    }
    return passages;
  }

  private static List<Passage> passagesOf(JsonNode record, String id, String where) {
    String jurisdiction = required(record, "jurisdiction", where);
    if (!JURISDICTIONS.contains(jurisdiction)) {
      throw new IllegalArgumentException(where + ": jurisdiction must be US, EP or KR, got '" + jurisdiction + "'");
    }
    String kind = required(record, "kind", where);
    String language = required(record, "lang", where);
    String citation = required(record, "citation", where);
    String title = required(record, "title", where);
    String text = required(record, "text", where);
    List<String> topics = new ArrayList<>();
    record.path("topics").forEach(topic -> topics.add(topic.asText()));
    String sourceUrl = record.path("source_url").isTextual() ? record.get("source_url").asText() : null;
    boolean partial = record.path("partial").asBoolean(false);

    List<String> pieces = split(text, "ko".equals(language) ? MAX_CHARS_KOREAN : MAX_CHARS_LATIN);
    List<Passage> passages = new ArrayList<>(pieces.size());
    for (int i = 0; i < pieces.size(); i++) {
      passages.add(new Passage(id + "#" + (i + 1), id, i + 1, pieces.size(), jurisdiction, kind, language,
          List.copyOf(topics), citation, title, pieces.get(i), sourceUrl, partial));
    }
    return passages;
  }

  /** Blank-line separated pieces packed in order into chunks of at most {@code maxChars}. */
  static List<String> split(String text, int maxChars) {
    List<String> chunks = new ArrayList<>();
    StringBuilder chunk = new StringBuilder();
    for (String piece : text.strip().split("\\n\\s*\\n")) {
      String paragraph = piece.strip();
      if (paragraph.isEmpty()) {
        continue;
      }
      if (chunk.length() > 0 && chunk.length() + 2 + paragraph.length() > maxChars) {
        chunks.add(chunk.toString());
        chunk.setLength(0);
      }
      if (chunk.length() > 0) {
        chunk.append("\n\n");
      }
      chunk.append(paragraph);
    }
    if (chunk.length() > 0) {
      chunks.add(chunk.toString());
    }
    return chunks;
  }

  private static String required(JsonNode record, String field, String where) {
    JsonNode value = record.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException(where + ": field '" + field + "' is missing or empty");
    }
    return value.asText();
  }
}
