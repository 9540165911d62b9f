package io.patent2tech.connectors.elasticsearch.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.core.GetResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.patent2tech.connectors.elasticsearch.CollectingDeadLetters;
import io.patent2tech.connectors.elasticsearch.ElasticsearchSettings;
import io.patent2tech.connectors.elasticsearch.ElasticsearchTestIndex;
import io.patent2tech.connectors.elasticsearch.MeteredMiniCluster;
import io.patent2tech.connectors.elasticsearch.document.PatentDocuments;
import io.patent2tech.connectors.elasticsearch.index.PatentIndex;
import io.patent2tech.connectors.json.SamplePatents;
import io.patent2tech.schema.DeadLetter;
import io.patent2tech.schema.DocumentId;
import io.patent2tech.schema.LocalizedText;
import io.patent2tech.schema.Patent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the bulk sink in a real Flink job (MiniCluster) against a real Elasticsearch. */
class ElasticsearchBulkSinkIT {

  private static final MeteredMiniCluster CLUSTER = new MeteredMiniCluster(2);

  @RegisterExtension
  static final MiniClusterExtension FLINK = CLUSTER.extension();

  private static final ObjectMapper JSON = new ObjectMapper();

  private ElasticsearchTestIndex es;
  private CollectingDeadLetters deadLetters;

  @BeforeEach
  void createIndex() {
    es = new ElasticsearchTestIndex();
    PatentIndex.ensure(es.settings());
    deadLetters = new CollectingDeadLetters();
  }

  @AfterEach
  void deleteIndex() throws IOException {
    es.close();
  }

  @Test
  void landsEveryDocumentUnderItsPublicationKey() throws Exception {
    List<Patent> patents = patents(50);

    JobID job = land(es.settings(), patents);

    assertThat(es.count()).isEqualTo(50);
    GetResponse<Map<String, Object>> stored = es.get("US-8930553-B2");
    assertThat(stored.found()).isTrue();
    assertThat(stored.source()).isEqualTo(PatentDocuments.document(SamplePatents.sipGrant()));
    assertThat(es.get("US-D701016-S1").source()).containsEntry("locarno", List.of("01-01"));
    assertThat(counter(job, "indexed")).isEqualTo(50);
    assertThat(counter(job, "noop")).isZero();
    assertThat(counter(job, "failed")).isZero();
    assertThat(deadLetters.published()).isEmpty();
  }

  @Test
  void landingTheSameContentAgainChangesNothing() throws Exception {
    List<Patent> patents = patents(30);
    land(es.settings(), patents);
    GetResponse<Map<String, Object>> before = es.get("US-8930553-B2");

    List<Patent> relanded = new ArrayList<>();
    for (Patent patent : patents) {
      relanded.add(Patent.newBuilder(patent).setIngestTime(patent.getIngestTime() + 3_600_000L).build());
    }
    JobID job = land(es.settings(), relanded);

    GetResponse<Map<String, Object>> after = es.get("US-8930553-B2");
    assertThat(after.seqNo()).isEqualTo(before.seqNo());
    assertThat(after.version()).isEqualTo(before.version());
    assertThat(counter(job, "noop")).isEqualTo(30);
    assertThat(counter(job, "indexed")).isZero();
    assertThat(es.count()).isEqualTo(30);
  }

  @Test
  void newContentKeepsFieldsThatOtherJobsAdded() throws Exception {
    // novelty_score: a field of the enrich job's, mapped by the template
    Patent first = SamplePatents.sipGrant();
    land(es.settings(), List.of(first));
    es.client().update(request -> request
            .index(es.alias())
            .id("US-8930553-B2")
            .doc(Map.of("novelty_score", 0.25)),
        Object.class);

    Patent corrected = Patent.newBuilder(first)
        .setTitles(List.of(new LocalizedText("en", "Managing mid-dialog SIP messages (corrected)")))
        .setContentHash(SamplePatents.sha256("US-8930553-B2 corrected"))
        .setVersion(2)
        .build();
    land(es.settings(), List.of(corrected));

    assertThat(es.get("US-8930553-B2").source())
        .containsEntry("title", "Managing mid-dialog SIP messages (corrected)")
        .containsEntry("version", 2)
        .containsEntry("novelty_score", 0.25);
  }

  @Test
  void documentsElasticsearchRefusesBecomeDeadLettersAndTheJobGoesOn() throws Exception {
    // strict_date refuses this format (it rolls impossible days like 2015-02-30 over instead)
    Patent foreignDate = Patent.newBuilder(SamplePatents.withKey(SamplePatents.sipGrant(), "US-8930554-B2"))
        .setPublication(new DocumentId("US", "8930554", "B2", "06.01.2015"))
        .build();

    JobID job = land(es.settings(), List.of(SamplePatents.sipGrant(), foreignDate, SamplePatents.cheeseDesign()));

    assertThat(es.count()).isEqualTo(2);
    assertThat(es.get("US-8930554-B2").found()).isFalse();
    assertThat(counter(job, "failed")).isEqualTo(1);
    assertThat(deadLetters.published()).hasSize(1);
    DeadLetter deadLetter = deadLetters.published().get(0);
    assertThat(deadLetter.getSource()).isEqualTo("patents.normalized");
    assertThat(deadLetter.getStage()).isEqualTo("landing-elasticsearch");
    assertThat(deadLetter.getPublicationKey()).isEqualTo("US-8930554-B2");
    assertThat(deadLetter.getErrorClass()).isEqualTo("document_parsing_exception");
    assertThat(deadLetter.getReason())
        .startsWith("document_parsing_exception: ")
        .contains("failed to parse field [publication_date] of type [date]")
        .contains("caused by illegal_argument_exception: failed to parse date field [06.01.2015]");
    JsonNode raw = JSON.readTree(bytes(deadLetter.getRaw()));
    assertThat(raw.get("publication_key").textValue()).isEqualTo("US-8930554-B2");
    assertThat(raw.get("publication_date").textValue()).isEqualTo("06.01.2015");
    assertThat(deadLetter.getRawSize()).isEqualTo(bytes(deadLetter.getRaw()).length);
  }

  @Test
  void elementsTheMapperCannotMapBecomeDeadLetters() throws Exception {
    StreamExecutionEnvironment env = environment();
    env.fromData(patents(4))
        .sinkTo(ElasticsearchBulkSink.<Patent>builder(es.settings())
            .mapper(patent -> {
              if (patent.getPublicationKey().equals("US-D701016-S1")) {
                throw new IllegalArgumentException("no document for designs");
              }
              return PatentDocuments.mapper().map(patent);
            })
            .deadLetters(deadLetters)
            .build());
    env.execute("unmappable element test");

    assertThat(es.count()).isEqualTo(3);
    assertThat(deadLetters.published()).hasSize(1);
    DeadLetter deadLetter = deadLetters.published().get(0);
    assertThat(deadLetter.getReason())
        .isEqualTo("cannot map element to a document: java.lang.IllegalArgumentException: no document for designs");
    assertThat(deadLetter.getErrorClass()).isEqualTo("java.lang.IllegalArgumentException");
    assertThat(new String(bytes(deadLetter.getRaw()), StandardCharsets.UTF_8))
        .contains("\"publication_key\": \"US-D701016-S1\"");
  }

  @Test
  void bulkRequestsRejectedWith429AreRetried() throws Exception {
    try (ThrottlingProxy proxy = ThrottlingProxy.start(es.url(), ThrottlingProxy.Mode.REJECT_REQUEST, 2)) {
      JobID job = land(throughProxy(proxy, 3), patents(12));

      assertThat(proxy.rejectedBulkRequests()).isEqualTo(2);
      assertThat(counter(job, "retries")).isEqualTo(2);
      assertThat(counter(job, "indexed")).isEqualTo(12);
    }
    assertThat(es.count()).isEqualTo(12);
  }

  @Test
  void documentsRejectedWith429AreRetried() throws Exception {
    try (ThrottlingProxy proxy = ThrottlingProxy.start(es.url(), ThrottlingProxy.Mode.REJECT_ITEMS, 1)) {
      JobID job = land(throughProxy(proxy, 3), patents(12));

      assertThat(proxy.rejectedBulkRequests()).isEqualTo(1);
      assertThat(counter(job, "retries")).isEqualTo(1);
      assertThat(counter(job, "indexed")).isEqualTo(12);
    }
    assertThat(es.count()).isEqualTo(12);
    assertThat(deadLetters.published()).isEmpty();
  }

  @Test
  void failsTheJobWhenElasticsearchKeepsRejecting() throws Exception {
    try (ThrottlingProxy proxy =
        ThrottlingProxy.start(es.url(), ThrottlingProxy.Mode.REJECT_REQUEST, Integer.MAX_VALUE)) {
      assertThatThrownBy(() -> land(throughProxy(proxy, 2), patents(5)))
          .hasStackTraceContaining("still refuses 5 documents after 2 retries");
      assertThat(proxy.rejectedBulkRequests()).isEqualTo(3);
      assertThat(proxy.forwardedBulkRequests()).isZero();
    }
    assertThat(es.count()).isZero();
    assertThat(deadLetters.published()).isEmpty();
  }

  @Test
  void failsTheJobRatherThanCreateAnUnmappedIndexWhenTheAliasIsMissing() throws Exception {
    String missing = es.alias() + "-missing";
    ElasticsearchSettings settings = new ElasticsearchSettings(es.url(), missing, 10, 1 << 20, 3, 20,
        ElasticsearchSettings.DEFAULT_UNAVAILABLE_TIMEOUT);

    assertThatThrownBy(() -> land(settings, patents(3)))
        .hasStackTraceContaining("is the index set up (PatentIndex.ensure)?");
    assertThat(es.client().indices().exists(request -> request.index(missing)).value()).isFalse();
    assertThat(deadLetters.published()).isEmpty();
  }

  @Test
  void sendsBufferedDocumentsOnTheFlushIntervalWithoutACheckpoint() throws Exception {
    assertDocumentsArriveWhileTheJobRuns(environment(), Duration.ofMillis(200));
  }

  @Test
  void sendsBufferedDocumentsBeforeEveryCheckpoint() throws Exception {
    StreamExecutionEnvironment env = environment();
    env.enableCheckpointing(300);
    assertDocumentsArriveWhileTheJobRuns(env, Duration.ZERO);
  }

  /**
   * Runs an endless source into a sink whose buffer never fills, and waits for documents to show
   * up: only the flush timer or a checkpoint can have sent them.
   */
  private void assertDocumentsArriveWhileTheJobRuns(StreamExecutionEnvironment env, Duration flushInterval)
      throws Exception {
    env.fromSource(
            new DataGeneratorSource<>(
                index -> SamplePatents.withKey(SamplePatents.sipGrant(), "US-" + (8000000 + index) + "-B2"),
                Long.MAX_VALUE,
                RateLimiterStrategy.perSecond(20),
                new AvroTypeInfo<>(Patent.class)),
            WatermarkStrategy.noWatermarks(),
            "endless patents")
        .sinkTo(ElasticsearchBulkSink.<Patent>builder(
                new ElasticsearchSettings(es.url(), es.alias(), 100_000, 100L << 20, 3, 50,
                    ElasticsearchSettings.DEFAULT_UNAVAILABLE_TIMEOUT))
            .mapper(PatentDocuments.mapper())
            .deadLetters(deadLetters)
            .flushInterval(flushInterval)
            .build());
    JobClient job = env.executeAsync("documents arrive while the job runs");
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (es.count() < 5 && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertThat(es.count()).isGreaterThanOrEqualTo(5);
    } finally {
      job.cancel().get();
    }
  }

  private ElasticsearchSettings throughProxy(ThrottlingProxy proxy, int maxRetries) {
    return new ElasticsearchSettings(proxy.url(), es.alias(), 10, 1 << 20, maxRetries, 20,
        ElasticsearchSettings.DEFAULT_UNAVAILABLE_TIMEOUT);
  }

  private JobID land(ElasticsearchSettings settings, List<Patent> patents) throws Exception {
    StreamExecutionEnvironment env = environment();
    env.fromData(patents).sinkTo(ElasticsearchBulkSink.forPatents(settings, deadLetters));
    JobExecutionResult result = env.execute("elasticsearch landing test");
    return result.getJobID();
  }

  private static StreamExecutionEnvironment environment() {
    return MeteredMiniCluster.environment();
  }


  /** The two sample patents and copies under further keys, {@code count} in all. */
  private static List<Patent> patents(int count) {
    List<Patent> patents = new ArrayList<>(List.of(SamplePatents.sipGrant(), SamplePatents.cheeseDesign()));
    IntStream.range(2, count).forEach(i -> patents.add(
        SamplePatents.withKey(SamplePatents.sipGrant(), "US-" + (9000000 + i) + "-B2")));
    return patents;
  }

  private static long counter(JobID job, String name) {
    return CLUSTER.counter(job, name);
  }


  private static byte[] bytes(ByteBuffer buffer) {
    ByteBuffer view = buffer.duplicate();
    byte[] bytes = new byte[view.remaining()];
    view.get(bytes);
    return bytes;
  }
}
