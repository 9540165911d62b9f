package io.patent2tech.connectors.elasticsearch.sink;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.patent2tech.connectors.elasticsearch.CollectingDeadLetters;
import io.patent2tech.connectors.elasticsearch.ElasticsearchSettings;
import io.patent2tech.connectors.elasticsearch.ElasticsearchTestIndex;
import io.patent2tech.connectors.elasticsearch.MeteredMiniCluster;
import io.patent2tech.connectors.elasticsearch.document.PatentDocuments;
import io.patent2tech.connectors.elasticsearch.index.PatentIndex;
import io.patent2tech.connectors.json.SamplePatents;
import io.patent2tech.schema.Patent;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.client.program.ClusterClient;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.core.execution.CheckpointType;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectClusterClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulk sink while Elasticsearch answers 429 for a while, in a real Flink job (MiniCluster)
 * against the real Elasticsearch behind a {@link ThrottlingProxy}: the writer waits on a timer, not
 * on the task thread, so checkpoints and cancellation go through, and the documents it has not
 * stored yet are in its checkpointed state.
 *
 * <p>The source never ends (it would end the sink's input, whose last flush waits for Elasticsearch
 * by design): it keeps generating, and only the first {@link #DOCUMENTS} reach the sink.
 */
class ElasticsearchBackoffIT {

  private static final MeteredMiniCluster CLUSTER = new MeteredMiniCluster(2);

  @RegisterExtension
  static final MiniClusterExtension FLINK = CLUSTER.extension();

  /** Fewer than two bulk requests (20 each): the writer takes them all while the first one waits. */
  private static final int DOCUMENTS = 30;
  private static final long FIRST_NUMBER = 8_000_000;

  private ElasticsearchTestIndex es;
  private CollectingDeadLetters deadLetters;
  private ThrottlingProxy proxy;
  private final List<JobClient> jobs = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    es = new ElasticsearchTestIndex();
    PatentIndex.ensure(es.settings());
    deadLetters = new CollectingDeadLetters();
    proxy = ThrottlingProxy.start(es.url(), ThrottlingProxy.Mode.REJECT_REQUEST, Integer.MAX_VALUE);
  }

  @AfterEach
  void stop() throws IOException {
    // a failed test leaves its job running: the next test needs the slot
    for (JobClient job : jobs) {
      try {
        if (!job.getJobStatus().get(10, TimeUnit.SECONDS).isGloballyTerminalState()) {
          job.cancel().get(10, TimeUnit.SECONDS);
        }
      } catch (Exception e) {
        // already gone
      }
    }
    proxy.close();
    es.close();
  }

  @Test
  void aCheckpointCompletesWhileElasticsearchAnswers429AndEveryDocumentLandsOnceAfterwards(
      @InjectClusterClient ClusterClient<?> cluster) throws Exception {
    JobClient job = start(land(environment(null), throughProxy(200)), "checkpoint during 429s");
    awaitAllDocumentsInTheWriter();

    long checkpoint = cluster.triggerCheckpoint(job.getJobID(), CheckpointType.FULL).get(10, TimeUnit.SECONDS);

    assertThat(checkpoint).isPositive();
    assertThat(proxy.forwardedBulkRequests()).as("bulk requests let through before the checkpoint").isZero();
    assertThat(es.count()).isZero();

    proxy.release();
    // documents are searchable a moment before the writer has read the bulk response and counted
    // them: cancel only after both
    await(() -> count() == DOCUMENTS && CLUSTER.counter(job.getJobID(), "indexed") == DOCUMENTS,
        Duration.ofSeconds(60), "all documents stored and counted after the 429s");
    job.cancel().get(10, TimeUnit.SECONDS);
    awaitStatus(job, JobStatus.CANCELED);

    assertStoredOnce(job.getJobID());
  }

  @Test
  void cancellationIsPromptDuringALongBackOff(@InjectClusterClient ClusterClient<?> cluster) throws Exception {
    // a writer sleeping through this back-off would hold its task thread for 20 s
    JobClient job = start(land(environment(null), throughProxy(20_000)), "cancel during a back-off");
    awaitAllDocumentsInTheWriter();
    cluster.triggerCheckpoint(job.getJobID(), CheckpointType.FULL).get(5, TimeUnit.SECONDS);

    long start = System.nanoTime();
    job.cancel().get(5, TimeUnit.SECONDS);
    awaitStatus(job, JobStatus.CANCELED);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(proxy.rejectedBulkRequests()).as("no attempt after the first").isEqualTo(1);
    assertThat(es.count()).isZero();
  }

  @Test
  void documentsWaitingAtASavepointLandAfterARestoreFromIt(@TempDir Path savepoints) throws Exception {
    JobClient first = start(land(environment(null), throughProxy(200)), "savepoint during 429s");
    awaitAllDocumentsInTheWriter();

    String savepoint = first.stopWithSavepoint(false, savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
        .get(30, TimeUnit.SECONDS);
    assertThat(es.count()).isZero();

    // the restored job lets no document through to the sink: only the writer's state can bring them
    proxy.release();
    JobClient restored = start(land(environment(savepoint), throughProxy(200), 0), "restored after 429s");
    await(() -> count() == DOCUMENTS && CLUSTER.counter(restored.getJobID(), "indexed") == DOCUMENTS,
        Duration.ofSeconds(60), "all documents stored and counted after the restore");
    restored.cancel().get(10, TimeUnit.SECONDS);
    awaitStatus(restored, JobStatus.CANCELED);

    assertStoredOnce(restored.getJobID());
  }

  /** Each document stored by exactly one write: created once ({@code _version} 1), never updated. */
  private void assertStoredOnce(JobID job) throws IOException {
    es.client().indices().refresh(request -> request.index(es.alias()));
    SearchResponse<Map> hits = es.client().search(request -> request
        .index(es.alias())
        .size(DOCUMENTS * 2)
        .version(true), Map.class);
    Set<String> expected = IntStream.range(0, DOCUMENTS)
        .mapToObj(ElasticsearchBackoffIT::key)
        .collect(Collectors.toSet());
    assertThat(hits.hits().hits().stream().map(Hit::id).collect(Collectors.toSet())).isEqualTo(expected);
    assertThat(hits.hits().hits()).allSatisfy(hit -> assertThat(hit.version()).as(hit.id()).isEqualTo(1L));
    assertThat(CLUSTER.counter(job, "indexed")).isEqualTo(DOCUMENTS);
    assertThat(CLUSTER.counter(job, "failed")).isZero();
    assertThat(deadLetters.published()).isEmpty();
  }

  private JobClient start(StreamExecutionEnvironment env, String name) throws Exception {
    JobClient job = env.executeAsync(name);
    jobs.add(job);
    return job;
  }

  private StreamExecutionEnvironment land(StreamExecutionEnvironment env, ElasticsearchSettings settings) {
    return land(env, settings, DOCUMENTS);
  }

  /** The endless source, of which the first {@code passing} documents reach the sink. */
  private StreamExecutionEnvironment land(StreamExecutionEnvironment env, ElasticsearchSettings settings,
      int passing) {
    env.fromSource(
            new DataGeneratorSource<>(
                index -> SamplePatents.withKey(SamplePatents.sipGrant(), key(index)),
                Long.MAX_VALUE,
                RateLimiterStrategy.perSecond(100),
                new AvroTypeInfo<>(Patent.class)),
            WatermarkStrategy.noWatermarks(),
            "patents")
        .uid("patents")
        .filter(patent -> number(patent) < FIRST_NUMBER + passing)
        .uid("first patents")
        .sinkTo(ElasticsearchBulkSink.<Patent>builder(settings)
            .mapper(PatentDocuments.mapper())
            .deadLetters(deadLetters)
            // only full requests and checkpoints send: the first request holds the first 20
            .flushInterval(Duration.ZERO)
            .build())
        .uid("elasticsearch");
    return env;
  }

  /** Parallelism 1, no restarts; checkpoints only when the test asks; restored from {@code savepoint} if given. */
  private static StreamExecutionEnvironment environment(String savepoint) {
    Configuration configuration = new Configuration();
    configuration.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    if (savepoint != null) {
      configuration.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
    env.setParallelism(1);
    env.enableCheckpointing(Duration.ofHours(1).toMillis());
    return env;
  }

  /** 20 documents per request, 100 retries for load starting at {@code initialBackoffMs}. */
  private ElasticsearchSettings throughProxy(long initialBackoffMs) {
    return new ElasticsearchSettings(proxy.url(), es.alias(), 20, 1 << 20, 100, initialBackoffMs,
        ElasticsearchSettings.DEFAULT_UNAVAILABLE_TIMEOUT);
  }

  /**
   * The first request was rejected, and every document has reached the writer: the source makes
   * them within 0.3 s; the first request holds 20, the other 10 queue behind it, unsent.
   */
  private void awaitAllDocumentsInTheWriter() throws Exception {
    await(() -> proxy.rejectedBulkRequests() > 0, Duration.ofSeconds(60), "a rejected bulk request");
    Thread.sleep(1_000);
    assertThat(proxy.rejectedIds()).hasSize(20);
  }

  private long count() {
    try {
      return es.count();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void awaitStatus(JobClient job, JobStatus status) throws Exception {
    await(() -> {
      try {
        return job.getJobStatus().get() == status;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, Duration.ofSeconds(10), "job " + status);
  }

  private static void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what);
      }
      Thread.sleep(50);
    }
  }

  private static String key(long index) {
    return "US-" + (FIRST_NUMBER + index) + "-B2";
  }

  private static long number(Patent patent) {
    String key = patent.getPublicationKey();
    return Long.parseLong(key.substring(3, key.lastIndexOf('-')));
  }
}
