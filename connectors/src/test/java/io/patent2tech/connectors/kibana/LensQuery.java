package io.patent2tech.connectors.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Elasticsearch request a Lens layer (formBased datasource) draws from, built from the saved
 * object: its bucket columns nested in column order (date_histogram, terms, a histogram "range"),
 * its metric columns inside the innermost bucket (count, sum, average, min, max, unique_count),
 * filtered by the dashboard's time range on the data view's time field and by the layer's query.
 * Kibana sends more (timezone, extended bounds, other buckets), but these are the aggregations that
 * decide whether the panel has anything to draw.
 *
 * <p>Whatever else a layer could hold (a formula, a column filter, a pinned filter, a KQL query
 * beyond {@code [NOT ]field:value}) is refused with a message: the test then says the bundle has
 * gone beyond what it proves, instead of passing a panel it did not check.
 */
final class LensQuery {

  /** The sourceField Lens gives a count of documents. */
  static final String RECORDS = "___records___";

  /** Runs a search on the layer's index; for the histogram's bounds. */
  interface Search {
    JsonNode run(String body) throws Exception;
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> NUMERIC = Set.of("long", "integer", "short", "byte", "double", "float",
      "half_float", "scaled_float", "unsigned_long");
  private static final Map<String, String> METRICS = Map.of(
      "sum", "sum", "average", "avg", "min", "min", "max", "max", "unique_count", "cardinality");
  /** Queries whose KQL and Lucene readings agree, so Elasticsearch's query_string runs them as Kibana does. */
  private static final Pattern SIMPLE_QUERY = Pattern.compile("(NOT )?[\\w.]+:[\\w.*-]+");
  /** Kibana's default histogram:maxBars, used for "auto". */
  private static final int DEFAULT_MAX_BARS = 100;

  private final List<String> buckets = new ArrayList<>();
  private final List<String> metrics = new ArrayList<>();
  private final JsonNode columns;
  private final ObjectNode request = JSON.createObjectNode();

  LensQuery(JsonNode layer, JsonNode state, String timeField, String from, String to, Search search)
      throws Exception {
    if (state.path("filters").size() > 0) {
      throw new AssertionError("Lens filters are not translated: " + state.path("filters"));
    }
    columns = layer.path("columns");
    request.put("size", 0);
    ObjectNode bool = request.putObject("query").putObject("bool");
    var filter = bool.putArray("filter");
    filter.addObject().putObject("range").putObject(timeField).put("gte", from).put("lte", to);
    String query = state.at("/query/query").asText("");
    if (!query.isBlank()) {
      if (!SIMPLE_QUERY.matcher(query.trim()).matches()) {
        throw new AssertionError("query not translated (only [NOT ]field:value): " + query);
      }
      filter.addObject().putObject("query_string").put("query", query.trim());
    }
    for (JsonNode id : layer.path("columnOrder")) {
      JsonNode column = columns.path(id.asText());
      if (column.has("filter") || column.has("references")) {
        throw new AssertionError("column " + id + ": filters and formulas are not translated");
      }
      (column.path("isBucketed").asBoolean() ? buckets : metrics).add(id.asText());
    }

    ObjectNode inner = null;
    for (String id : metrics) {
      JsonNode column = columns.get(id);
      String operation = column.path("operationType").asText();
      String field = column.path("sourceField").asText();
      if (operation.equals("count") && field.equals(RECORDS)) {
        continue; // every bucket's doc_count
      }
      String aggregation = operation.equals("count") ? "value_count" : METRICS.get(operation);
      if (aggregation == null) {
        throw new AssertionError("metric " + operation + " (column " + id + ") is not translated");
      }
      if (inner == null) {
        inner = JSON.createObjectNode();
      }
      inner.putObject(id).putObject(aggregation).put("field", field);
    }
    for (int i = buckets.size() - 1; i >= 0; i--) {
      String id = buckets.get(i);
      ObjectNode aggregation = JSON.createObjectNode();
      bucket(id, columns.get(id), aggregation, search);
      if (inner != null) {
        aggregation.set("aggs", inner);
      }
      inner = JSON.createObjectNode();
      inner.set(id, aggregation);
    }
    if (inner != null) {
      request.set("aggs", inner);
    }
  }

  String request() {
    return request.toString();
  }

  private void bucket(String id, JsonNode column, ObjectNode aggregation, Search search) throws Exception {
    String field = column.path("sourceField").asText();
    JsonNode params = column.path("params");
    switch (column.path("operationType").asText()) {
      case "date_histogram" -> {
        ObjectNode histogram = aggregation.putObject("date_histogram").put("field", field);
        String interval = params.path("interval").asText("auto");
        switch (interval) {
          case "auto" -> histogram.put("fixed_interval", "1d");
          case "y", "M", "w", "d", "h", "m" -> histogram.put("calendar_interval", "1" + interval);
          default -> histogram.put("fixed_interval", interval);
        }
      }
      case "terms" -> {
        ObjectNode terms = aggregation.putObject("terms").put("field", field).put("size", params.path("size").asInt(5));
        JsonNode orderBy = params.path("orderBy");
        String direction = params.path("orderDirection").asText("desc");
        if (orderBy.path("type").asText().equals("alphabetical")) {
          terms.putObject("order").put("_key", direction);
        } else if (orderBy.path("type").asText().equals("column")) {
          String by = orderBy.path("columnId").asText();
          JsonNode byColumn = columns.path(by);
          boolean count = byColumn.path("operationType").asText().equals("count")
              && byColumn.path("sourceField").asText().equals(RECORDS);
          if (!count && !metrics.contains(by)) {
            throw new AssertionError("terms " + id + " is ordered by " + by + ", which is no metric of the layer");
          }
          terms.putObject("order").put(count ? "_count" : by, direction);
        }
      }
      case "range" -> {
        if (!params.path("type").asText().equals("histogram")) {
          throw new AssertionError("range " + id + ": only the histogram kind is translated");
        }
        // Kibana spreads maxBars over the field's range within the query
        ObjectNode stats = request.deepCopy();
        stats.putObject("aggs").putObject("bounds").putObject("stats").put("field", field);
        JsonNode bounds = search.run(stats.toString()).at("/aggregations/bounds");
        int bars = params.path("maxBars").isNumber() ? params.path("maxBars").asInt() : DEFAULT_MAX_BARS;
        double span = bounds.path("max").asDouble(0) - bounds.path("min").asDouble(0);
        aggregation.putObject("histogram").put("field", field).put("interval", span > 0 ? span / bars : 1.0);
      }
      default -> throw new AssertionError(
          "bucket " + column.path("operationType").asText() + " (column " + id + ") is not translated");
    }
  }

  /**
   * Null when the answer has something to draw: at least one innermost bucket with documents (the
   * whole result when the layer has no buckets), and for every metric a value in one of them (for a
   * sum, a value other than 0, which is what a sum of nothing gives).
   */
  String problemWithAnswer(JsonNode answer) {
    List<JsonNode> leaves = new ArrayList<>();
    if (buckets.isEmpty()) {
      if (answer.at("/hits/total/value").asLong() > 0) {
        leaves.add(answer.path("aggregations"));
      }
    } else {
      collect(answer.path("aggregations"), 0, leaves);
    }
    if (leaves.isEmpty()) {
      return "no bucket with documents";
    }
    for (String id : metrics) {
      JsonNode column = columns.get(id);
      if (column.path("sourceField").asText().equals(RECORDS)) {
        continue;
      }
      boolean sum = column.path("operationType").asText().equals("sum");
      boolean some = leaves.stream().map(leaf -> leaf.path(id).path("value"))
          .anyMatch(value -> value.isNumber() && !(sum && value.asDouble() == 0));
      if (!some) {
        return "metric " + id + " (" + column.path("operationType").asText() + " of "
            + column.path("sourceField").asText() + ") has no value in any bucket";
      }
    }
    return null;
  }

  private void collect(JsonNode node, int level, List<JsonNode> leaves) {
    for (JsonNode bucket : node.path(buckets.get(level)).path("buckets")) {
      if (bucket.path("doc_count").asLong() == 0) {
        continue;
      }
      if (level == buckets.size() - 1) {
        leaves.add(bucket);
      } else {
        collect(bucket, level + 1, leaves);
      }
    }
  }

  /**
   * Null when a column of {@code operation} with Lens {@code dataType} can aggregate on a field
   * Elasticsearch maps as {@code fieldType}; else why not.
   */
  static String accepts(String operation, String dataType, String fieldType) {
    if (fieldType == null) {
      return "not in the live mapping";
    }
    boolean numeric = NUMERIC.contains(fieldType);
    boolean date = fieldType.equals("date") || fieldType.equals("date_nanos");
    boolean keyword = fieldType.equals("keyword") || fieldType.equals("constant_keyword") || fieldType.equals("ip");
    boolean bool = fieldType.equals("boolean");
    boolean fits = switch (operation) {
      case "date_histogram" -> date;
      case "terms" -> keyword || numeric || bool;
      case "range", "sum", "average", "min", "max", "median" -> numeric;
      case "unique_count", "count" -> keyword || numeric || date || bool;
      default -> false;
    };
    if (!fits) {
      return operation + " cannot aggregate on a " + fieldType + " field";
    }
    boolean typed = switch (dataType) {
      case "string" -> keyword;
      case "number" -> numeric || operation.equals("unique_count") || operation.equals("count");
      case "date" -> date;
      case "boolean" -> bool;
      default -> false;
    };
    return typed ? null : "Lens dataType " + dataType + " does not fit a " + fieldType + " field";
  }
}
