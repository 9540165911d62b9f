package io.patent2tech.connectors.kibana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.patent2tech.connectors.elasticsearch.CollectingDeadLetters;
import io.patent2tech.connectors.elasticsearch.ElasticsearchTestIndex;
import io.patent2tech.connectors.elasticsearch.MeteredMiniCluster;
import io.patent2tech.connectors.elasticsearch.SampleEnrichments;
import io.patent2tech.connectors.elasticsearch.index.PatentIndex;
import io.patent2tech.connectors.elasticsearch.sink.ElasticsearchBulkSink;
import io.patent2tech.schema.EnrichedPatent;
import io.patent2tech.schema.InventiveStepEvaluation;
import io.patent2tech.schema.LlmJudgement;
import io.patent2tech.schema.Model3d;
import io.patent2tech.schema.ModelFiles;
import io.patent2tech.schema.NoveltyEvaluation;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.Source;
import io.patent2tech.udfs.DocumentRejectedException;
import io.patent2tech.udfs.DocumentResult;
import io.patent2tech.udfs.UsptoDocumentProcessor;
import io.patent2tech.udfs.epo.EpoOpsDocumentProcessor;
import io.patent2tech.udfs.links.DocumentLinks;
import io.patent2tech.udfs.models3d.ModelSummary;
import io.patent2tech.udfs.models3d.PatentModels;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Kibana saved objects (infra/kibana/*.ndjson) proven without Kibana, which cannot run on the
 * build machines: every line is a saved object, every reference resolves inside the bundle, every
 * field a panel uses is in the live mapping of its data view's index with a type the panel's
 * aggregation accepts, and every panel's aggregation, built from the saved object itself and run
 * against Elasticsearch, gives buckets.
 *
 * <p>The data is the project's own: the USPTO and EPO fixtures parsed by the ingest's processors,
 * landed with the landing job's sinks together with links, 3D model summaries and enrichments
 * (through {@link io.patent2tech.connectors.elasticsearch.document.EnrichmentDocuments}), all in a
 * test-owned alias; dead letters and collection runs are indexed through their index templates
 * (strict mappings, so a field the templates lack is refused). Each data view's title is mapped to
 * the test's alias for it.
 *
 * <p>What "the panel's aggregation" is: {@link LensQuery} translates a Lens layer (the
 * operations the bundle uses: date_histogram, terms, histogram ranges; count, sum, average, min,
 * max, unique_count) with the dashboard's time range on the data view's time field and the layer's
 * query. An operation it does not know fails the test, so the bundle cannot grow a panel this test
 * does not prove.
 */
class KibanaSavedObjectsIT {

  private static final MeteredMiniCluster CLUSTER = new MeteredMiniCluster(1);

  @RegisterExtension
  static final MiniClusterExtension FLINK = CLUSTER.extension();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path REPO = Path.of(System.getProperty("p2t.repo"));
  private static final Path FIXTURES = Path.of(System.getProperty("p2t.fixtures"));
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static ElasticsearchTestIndex es;
  /** Data view title -> the test's alias for it. */
  private static Map<String, String> aliases;
  private static boolean landed;

  @BeforeAll
  static void createIndices() throws Exception {
    es = new ElasticsearchTestIndex();
    aliases = Map.of(
        "patents", es.alias(),
        "dead-letters", es.alias() + "-dead-letters",
        "collection-runs", es.alias() + "-collection-runs");
    PatentIndex.ensure(es.settings());
    createFromTemplate("dead-letters", aliases.get("dead-letters"));
    createFromTemplate("collection-runs", aliases.get("collection-runs"));
  }

  @AfterAll
  static void deleteIndices() throws Exception {
    if (es == null) {
      return;
    }
    for (String alias : List.of(aliases.get("dead-letters"), aliases.get("collection-runs"))) {
      es("DELETE", "/" + alias + "-v1", null);
      es("DELETE", "/_index_template/" + alias, null);
    }
    es.close();
  }

  /** Once per class; the MiniCluster's environment is in place only once a test is about to run. */
  @BeforeEach
  void landOnce() throws Exception {
    if (landed) {
      return;
    }
    landPatents();
    indexPipelineDocuments();
    for (String alias : aliases.values()) {
      es("POST", "/" + alias + "/_refresh", null);
    }
    landed = true;
  }

  @Test
  void everyLineIsASavedObjectWithAUniqueId() throws Exception {
    List<JsonNode> objects = bundle();

    assertThat(objects).extracting(o -> o.path("type").asText())
        .containsOnly("index-pattern", "lens", "dashboard");
    assertThat(objects).extracting(o -> o.path("type").asText() + " " + o.path("id").asText())
        .doesNotHaveDuplicates();
    assertThat(objects).allSatisfy(o -> {
      assertThat(o.path("id").asText()).startsWith("p2t-");
      assertThat(o.path("attributes").path("title").asText()).isNotBlank();
      assertThat(o.path("references").isArray()).isTrue();
    });
    assertThat(ofType(objects, "index-pattern")).extracting(o -> o.at("/attributes/title").asText())
        .containsExactlyInAnyOrder("patents", "dead-letters", "collection-runs");
  }

  @Test
  void everyReferenceResolvesInsideTheBundleAndEveryPanelIsOnADashboard() throws Exception {
    List<JsonNode> objects = bundle();
    Set<String> ids = new HashSet<>();
    objects.forEach(o -> ids.add(o.path("type").asText() + " " + o.path("id").asText()));

    List<String> unresolved = new ArrayList<>();
    for (JsonNode o : objects) {
      for (JsonNode ref : o.path("references")) {
        if (!ids.contains(ref.path("type").asText() + " " + ref.path("id").asText())) {
          unresolved.add(o.path("id").asText() + " -> " + ref);
        }
      }
    }
    assertThat(unresolved).as("references the bundle lacks").isEmpty();

    // each Lens layer names its data view through the reference Kibana looks up for it
    for (JsonNode lens : ofType(objects, "lens")) {
      lens.at("/attributes/state/datasourceStates/formBased/layers").fieldNames().forEachRemaining(layer ->
          assertThat(dataViewOf(lens, layer)).as(lens.path("id").asText() + " layer " + layer).isNotNull());
    }
    // each dashboard panel's panelRefName is one of the dashboard's references, and every Lens is shown
    Set<String> shown = new HashSet<>();
    for (JsonNode dashboard : ofType(objects, "dashboard")) {
      for (Panel panel : panels(dashboard)) {
        shown.add(panel.lens().path("id").asText());
      }
    }
    assertThat(shown).containsExactlyInAnyOrderElementsOf(
        ofType(objects, "lens").stream().map(o -> o.path("id").asText()).toList());
  }

  @Test
  void everyFieldAPanelUsesIsInTheLiveMappingWithATypeItsAggregationAccepts() throws Exception {
    List<JsonNode> objects = bundle();
    Map<String, String> problems = new TreeMap<>();

    for (JsonNode view : ofType(objects, "index-pattern")) {
      String time = view.at("/attributes/timeFieldName").asText();
      String type = liveType(aliasOf(view), time);
      if (!"date".equals(type)) {
        problems.put(view.path("id").asText() + " time field " + time, String.valueOf(type));
      }
    }
    int fields = 0;
    for (JsonNode lens : ofType(objects, "lens")) {
      for (Iterator<Map.Entry<String, JsonNode>> layers =
          lens.at("/attributes/state/datasourceStates/formBased/layers").fields(); layers.hasNext(); ) {
        Map.Entry<String, JsonNode> layer = layers.next();
        String alias = aliasOf(dataView(objects, dataViewOf(lens, layer.getKey())));
        for (JsonNode column : (Iterable<JsonNode>) () -> layer.getValue().path("columns").elements()) {
          String field = column.path("sourceField").asText(null);
          if (field == null || field.equals(LensQuery.RECORDS)) {
            continue;
          }
          fields++;
          String type = liveType(alias, field);
          String problem = LensQuery.accepts(column.path("operationType").asText(),
              column.path("dataType").asText(), type);
          if (problem != null) {
            problems.put(lens.path("id").asText() + " " + field, problem);
          }
        }
      }
    }
    assertThat(fields).isGreaterThan(20);
    assertThat(problems).as("fields a panel cannot aggregate on").isEmpty();
  }

  @Test
  void everyPanelsAggregationReturnsBuckets() throws Exception {
    List<JsonNode> objects = bundle();
    Map<String, String> empty = new TreeMap<>();
    int panels = 0;

    for (JsonNode dashboard : ofType(objects, "dashboard")) {
      for (Panel panel : panels(dashboard)) {
        JsonNode lens = panel.lens();
        JsonNode state = lens.at("/attributes/state");
        for (Iterator<Map.Entry<String, JsonNode>> layers =
            state.at("/datasourceStates/formBased/layers").fields(); layers.hasNext(); ) {
          Map.Entry<String, JsonNode> layer = layers.next();
          JsonNode view = dataView(objects, dataViewOf(lens, layer.getKey()));
          String alias = aliasOf(view);
          LensQuery query = new LensQuery(layer.getValue(), state,
              view.at("/attributes/timeFieldName").asText(),
              dashboard.at("/attributes/timeFrom").asText(), dashboard.at("/attributes/timeTo").asText(),
              body -> es("POST", "/" + alias + "/_search", body));
          String problem;
          try {
            problem = query.problemWithAnswer(es("POST", "/" + alias + "/_search", query.request()));
          } catch (AssertionError e) {
            problem = e.getMessage(); // Elasticsearch refused the request: one panel's problem, listed with the rest
          }
          panels++;
          if (problem != null) {
            empty.put(dashboard.path("id").asText() + " / " + lens.path("id").asText(),
                problem + " for " + query.request());
          }
        }
      }
    }
    assertThat(panels).isEqualTo(ofType(objects, "lens").size());
    assertThat(empty).as("panels whose aggregation gives nothing").isEmpty();
  }

  // ---- the bundle

  private static List<JsonNode> bundle() throws IOException {
    List<JsonNode> objects = new ArrayList<>();
    try (Stream<Path> files = Files.list(REPO.resolve("infra/kibana"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".ndjson")).sorted().toList()) {
        int number = 0;
        for (String line : Files.readAllLines(file)) {
          number++;
          if (line.isBlank()) {
            continue;
          }
          try {
            objects.add(JSON.readTree(line));
          } catch (IOException e) {
            throw new AssertionError(file.getFileName() + " line " + number + " is not JSON: " + e.getMessage(), e);
          }
        }
      }
    }
    assertThat(objects).isNotEmpty();
    return objects;
  }

  private static List<JsonNode> ofType(List<JsonNode> objects, String type) {
    return objects.stream().filter(o -> type.equals(o.path("type").asText())).toList();
  }

  /** The id of the data view a Lens layer reads (its reference indexpattern-datasource-layer-ID). */
  private static String dataViewOf(JsonNode lens, String layer) {
    for (JsonNode ref : lens.path("references")) {
      if (ref.path("name").asText().equals("indexpattern-datasource-layer-" + layer)
          && ref.path("type").asText().equals("index-pattern")) {
        return ref.path("id").asText();
      }
    }
    return null;
  }

  private static JsonNode dataView(List<JsonNode> objects, String id) {
    return ofType(objects, "index-pattern").stream()
        .filter(o -> o.path("id").asText().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no data view " + id));
  }

  private static String aliasOf(JsonNode view) {
    String title = view.at("/attributes/title").asText();
    assertThat(aliases).as("data view title").containsKey(title);
    return aliases.get(title);
  }

  private record Panel(String panelIndex, JsonNode lens) {}

  /** A dashboard's panels with the Lens each shows, through panelRefName and the references. */
  private static List<Panel> panels(JsonNode dashboard) throws IOException {
    List<JsonNode> objects = bundle();
    List<Panel> panels = new ArrayList<>();
    for (JsonNode panel : JSON.readTree(dashboard.at("/attributes/panelsJSON").asText())) {
      String index = panel.path("panelIndex").asText();
      String refName = index + ":" + panel.path("panelRefName").asText();
      JsonNode ref = null;
      for (JsonNode candidate : dashboard.path("references")) {
        if (candidate.path("name").asText().equals(refName)) {
          ref = candidate;
        }
      }
      assertThat(ref).as(dashboard.path("id").asText() + " panel " + index + " reference " + refName).isNotNull();
      assertThat(panel.path("type").asText()).isEqualTo(ref.path("type").asText()).isEqualTo("lens");
      String id = ref.path("id").asText();
      panels.add(new Panel(index, ofType(objects, "lens").stream()
          .filter(o -> o.path("id").asText().equals(id))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no lens " + id))));
    }
    assertThat(panels).as(dashboard.path("id").asText() + " panels").isNotEmpty();
    return panels;
  }

  // ---- the live index

  /** The field's type in the live mapping of the indices behind {@code alias}; null when absent. */
  private static String liveType(String alias, String field) throws Exception {
    JsonNode mappings = es("GET", "/" + alias + "/_mapping", null);
    String type = null;
    for (JsonNode index : mappings) {
      JsonNode node = index.at("/mappings");
      String[] parts = field.split("\\.");
      for (int i = 0; i < parts.length && !node.isMissingNode(); i++) {
        // a sub-field (reason.keyword) sits under "fields", an object's field under "properties"
        node = node.has("properties") ? node.path("properties").path(parts[i]) : node.path("fields").path(parts[i]);
      }
      if (!node.isMissingNode()) {
        type = node.path("type").asText(null);
      }
    }
    return type;
  }

  private static void createFromTemplate(String name, String alias) throws Exception {
    ObjectNode template = (ObjectNode) JSON.readTree(
        REPO.resolve("infra/elasticsearch/templates/" + name + "-template.json").toFile());
    template.putArray("index_patterns").add(alias + "-v*");
    es("PUT", "/_index_template/" + alias, template.toString());
    ObjectNode index = JSON.createObjectNode();
    index.putObject("aliases").putObject(alias).put("is_write_index", true);
    es("PUT", "/" + alias + "-v1", index.toString());
  }

  /** The fixtures parsed as the ingest parses them, and landed with links, models and evaluations. */
  private static void landPatents() throws Exception {
    long now = System.currentTimeMillis();
    List<Patent> patents = new ArrayList<>();
    UsptoDocumentProcessor uspto = new UsptoDocumentProcessor();
    for (String dir : List.of("uspto/grant", "uspto/application")) {
      try (Stream<Path> files = Files.list(FIXTURES.resolve(dir))) {
        for (Path file : files.sorted().toList()) {
          Source where = Source.newBuilder().setOffice("USPTO").setFile(FIXTURES.relativize(file).toString())
              .setPosition(0).build();
          try {
            patents.add(uspto.process(Files.readAllBytes(file), where, now));
          } catch (DocumentRejectedException e) {
            // the fixtures include documents the pipeline refuses; those are dead letters, not panels
          }
        }
      }
    }
    String epoFile = "epo-ops/published/test/full_cycle_example.xml";
    for (DocumentResult result : new EpoOpsDocumentProcessor(false).processAll(
        Files.readAllBytes(FIXTURES.resolve(epoFile)),
        Source.newBuilder().setOffice("EPO").setFile(epoFile).setPosition(0).build(), now)) {
      if (result.isAccepted()) {
        patents.add(result.patent());
      }
    }
    List<String> keys = patents.stream().map(Patent::getPublicationKey).toList();
    assertThat(keys).contains("US-8930553-B2", "EP-1000000-A1", "EP-1000000-B1").hasSizeGreaterThan(10);

    // the two EPO publications of one application: A1 represents the family, B1 does not
    List<DocumentLinks> links = List.of(
        new DocumentLinks("EP-1000000-A1", new String[0], new String[] {"EP-1000000-B1"}, new String[0]),
        new DocumentLinks("EP-1000000-B1", new String[0], new String[] {"EP-1000000-A1"}, new String[0]));

    List<String> others = keys.stream().filter(k -> !k.equals("US-8930553-B2") && !k.startsWith("EP-")).toList();
    List<ModelSummary> models = List.of(
        PatentModels.summarize(others.get(0), List.of(made(others.get(0), "set-1"),
            notMade(others.get(0), "set-2", "single-view"))),
        PatentModels.summarize(others.get(1), List.of(notMade(others.get(1), "set-1", "no-orthographic-set"))));

    List<EnrichedPatent> enrichments = List.of(
        SampleEnrichments.sipGrantFull(),
        evaluated(others.get(0), 0.31, 0.72, "ok"),
        evaluated(others.get(1), 0.58, 0.12, "timeout"),
        EnrichedPatent.newBuilder(SampleEnrichments.sipGrantWithoutLlm()).setPublicationKey(others.get(2)).build());

    CollectingDeadLetters deadLetters = new CollectingDeadLetters();
    StreamExecutionEnvironment env = MeteredMiniCluster.environment();
    env.fromData(patents).sinkTo(ElasticsearchBulkSink.forPatents(es.settings(), deadLetters));
    env.fromData(links).sinkTo(ElasticsearchBulkSink.forLinks(es.settings(), deadLetters));
    env.fromData(models).sinkTo(ElasticsearchBulkSink.forModels(es.settings(), deadLetters));
    env.fromData(enrichments).sinkTo(ElasticsearchBulkSink.forEnrichments(es.settings(), deadLetters));
    env.execute("kibana saved objects: landing");

    assertThat(deadLetters.published()).as("documents Elasticsearch refused").isEmpty();
    assertThat(es.count()).isEqualTo(patents.size());
  }

  /** {@link SampleEnrichments#sipGrantFull()} for another publication, with other scores and LLM status. */
  private static EnrichedPatent evaluated(String key, double novelty, double inventiveStep, String llmStatus) {
    EnrichedPatent full = SampleEnrichments.sipGrantFull();
    return EnrichedPatent.newBuilder(full)
        .setPublicationKey(key)
        .setNovelty(NoveltyEvaluation.newBuilder(full.getNovelty()).setFinalScore(novelty)
            .setLlm(LlmJudgement.newBuilder(full.getNovelty().getLlm()).setStatus(llmStatus).build()).build())
        .setInventiveStep(InventiveStepEvaluation.newBuilder(full.getInventiveStep()).setFinalScore(inventiveStep)
            .setLlm(LlmJudgement.newBuilder(full.getInventiveStep().getLlm()).setStatus(llmStatus).build()).build())
        .build();
  }

  private static Model3d made(String key, String set) {
    return Model3d.newBuilder().setPublicationKey(key).setFigureSet(set).setStatus(ModelSummary.MADE)
        .setMethod("visual-hull").setDevice("cpu").setViewsUsed(List.of())
        .setGridSize(256).setGridDims(List.of(256, 128, 64)).setVertexCount(8L).setTriangleCount(12L)
        .setVolume(0.125).setBoundingBox(List.of(0.0, 0.0, 0.0, 1.0, 0.5, 0.25))
        .setFiles(new ModelFiles(key + "/" + set, "model.stl", "model.ply", "model.obj", "model.glb", "preview.png"))
        .setTimingsMs(Map.of("total", 42L)).setContentHash("hash-" + key + "-" + set)
        .setMadeAt(SampleEnrichments.ENRICHED_TIME).build();
  }

  private static Model3d notMade(String key, String set, String reason) {
    return Model3d.newBuilder().setPublicationKey(key).setFigureSet(set).setStatus(ModelSummary.NOT_MADE)
        .setReason(reason).setContentHash("hash-" + key + "-" + set).setMadeAt(SampleEnrichments.ENRICHED_TIME)
        .build();
  }

  /**
   * A few dead letters and collection runs of the last hours, with the fields of their templates
   * (the templates' strict mappings refuse any other field).
   */
  private static void indexPipelineDocuments() throws Exception {
    long now = System.currentTimeMillis();
    long hour = 3_600_000L;
    StringBuilder bulk = new StringBuilder();
    String deadLetters = aliases.get("dead-letters");
    List<Map<String, Object>> letters = List.of(
        deadLetter(now - 3 * hour, "uspto", "parse", "unexpected root element <sequence-cwu>",
            "io.patent2tech.udfs.DocumentRejectedException", 0),
        deadLetter(now - 2 * hour, "uspto", "validate", "missing publication date",
            "io.patent2tech.udfs.DocumentRejectedException", 1),
        deadLetter(now - hour, "epo", "parse", "EPO OPS response holds no exchange-document", null, 2),
        deadLetter(now - hour / 2, "patents.normalized", "land", "mapper_parsing_exception: failed to parse field",
            "ElasticsearchException", 3));
    for (Map<String, Object> letter : letters) {
      bulk.append("{\"index\":{\"_index\":\"").append(deadLetters).append("\",\"_id\":\"")
          .append(letter.get("dlq_topic")).append('-').append(letter.get("dlq_partition")).append('-')
          .append(letter.get("dlq_offset")).append("\"}}\n").append(JSON.writeValueAsString(letter)).append('\n');
    }
    String runs = aliases.get("collection-runs");
    List<Map<String, Object>> collectionRuns = List.of(
        run("run-1", "USPTO", "finished", now - 5 * hour, 120, 118, 2),
        run("run-2", "EPO", "failed", now - 4 * hour, 40, 12, 0),
        run("run-3", "KIPO", "running", now - hour, 15, 3, 1));
    for (Map<String, Object> run : collectionRuns) {
      bulk.append("{\"index\":{\"_index\":\"").append(runs).append("\",\"_id\":\"").append(run.get("run_id"))
          .append("\"}}\n").append(JSON.writeValueAsString(run)).append('\n');
    }
    JsonNode answer = es("POST", "/_bulk?refresh=true", bulk.toString());
    assertThat(answer.path("errors").asBoolean()).as(answer.toString()).isFalse();
  }

  private static Map<String, Object> deadLetter(long time, String source, String stage, String reason,
      String errorClass, long offset) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("time", time);
    doc.put("source", source);
    doc.put("stage", stage);
    doc.put("reason", reason);
    doc.put("error_class", errorClass);
    doc.put("source_file", "ipg240102.zip");
    doc.put("position", offset);
    doc.put("raw_size", 2048L);
    doc.put("raw_carried", true);
    doc.put("dlq_topic", "patents.dlq");
    doc.put("dlq_partition", 0);
    doc.put("dlq_offset", offset);
    return doc;
  }

  private static Map<String, Object> run(String id, String office, String status, long started, long listed,
      long published, long rejected) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("run_id", id);
    doc.put("office", office);
    doc.put("query", "pd within \"20240101 20240107\"");
    doc.put("window_from", "2024-01-01");
    doc.put("window_to", "2024-01-07");
    doc.put("attempt", 1);
    doc.put("status", status);
    doc.put("started_at", started);
    doc.put("finished_at", "running".equals(status) ? null : started + 600_000L);
    doc.put("listed", listed);
    doc.put("fetched", published + rejected);
    doc.put("published", published);
    doc.put("rejected", rejected);
    doc.put("updated_at", started + 600_000L);
    return doc;
  }

  /** One request to the test's Elasticsearch; a status other than 2xx (404 on DELETE aside) fails. */
  static JsonNode es(String method, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(es.url() + path))
        .header("Content-Type", path.startsWith("/_bulk") ? "application/x-ndjson" : "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2 && !(method.equals("DELETE") && response.statusCode() == 404)) {
      throw new AssertionError(method + " " + path + ": HTTP " + response.statusCode() + " " + response.body());
    }
    return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
  }
}
