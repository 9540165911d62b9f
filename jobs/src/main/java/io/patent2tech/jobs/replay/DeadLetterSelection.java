package io.patent2tech.jobs.replay;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Which dead letters {@code replay-dead-letters} takes: the options as one Elasticsearch query over
 * the dead-letters index. Every criterion given must hold; the dead letters of the DLQ topic the
 * command reads raw inputs from are the only ones considered.
 *
 * @param topic          the dead-letter topic (dlq_topic)
 * @param stage          stage, exactly; null: any
 * @param reasonContains words that occur in this order in the reason (a phrase query); null: any
 * @param source         source, exactly; null: any
 * @param since          dead letters at or after this epoch millisecond; null: any
 * @param publicationKey publication key, exactly; null: any
 * @param offsets        the records at these partition:offset places; empty: any
 */
record DeadLetterSelection(String topic, String stage, String reasonContains, String source, Long since,
    String publicationKey, List<long[]> offsets) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** {@code P:O,P:O,...} */
  static List<long[]> parseOffsets(String value) {
    List<long[]> offsets = new ArrayList<>();
    if (value == null || value.isBlank()) {
      return offsets;
    }
    for (String part : value.split(",")) {
      String[] po = part.trim().split(":");
      try {
        if (po.length != 2) {
          throw new NumberFormatException();
        }
        offsets.add(new long[] {Integer.parseInt(po[0].trim()), Long.parseLong(po[1].trim())});
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--offsets takes PARTITION:OFFSET,..., got '" + part.trim() + "'");
      }
    }
    return offsets;
  }

  /** An ISO date (midnight UTC) or instant ({@code 2024-05-07}, {@code 2024-05-07T10:00:00Z}). */
  static Long parseSince(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.trim()).toEpochMilli();
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(value.trim()).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
      } catch (DateTimeParseException e2) {
        throw new IllegalArgumentException("--since takes a date (2024-05-07) or an instant"
            + " (2024-05-07T10:00:00Z), got '" + value + "'");
      }
    }
  }

  /** The search request body: the matching dead letters in topic order, at most {@code size}. */
  String query(int size) {
    ObjectNode body = JSON.createObjectNode();
    body.put("size", size);
    ArrayNode filter = body.putObject("query").putObject("bool").putArray("filter");
    term(filter, "dlq_topic", topic);
    term(filter, "stage", stage);
    term(filter, "source", source);
    term(filter, "publication_key", publicationKey);
    if (reasonContains != null) {
      filter.addObject().putObject("match_phrase").put("reason", reasonContains);
    }
    if (since != null) {
      filter.addObject().putObject("range").putObject("time").put("gte", since);
    }
    if (!offsets.isEmpty()) {
      ObjectNode any = filter.addObject().putObject("bool");
      any.put("minimum_should_match", 1);
      ArrayNode should = any.putArray("should");
      for (long[] po : offsets) {
        ArrayNode both = should.addObject().putObject("bool").putArray("filter");
        both.addObject().putObject("term").put("dlq_partition", po[0]);
        both.addObject().putObject("term").put("dlq_offset", po[1]);
      }
    }
    ArrayNode sort = body.putArray("sort");
    sort.addObject().put("dlq_partition", "asc");
    sort.addObject().put("dlq_offset", "asc");
    return body.toString();
  }

  private static void term(ArrayNode filter, String field, String value) {
    if (value != null) {
      filter.addObject().putObject("term").put(field, value);
    }
  }
}
