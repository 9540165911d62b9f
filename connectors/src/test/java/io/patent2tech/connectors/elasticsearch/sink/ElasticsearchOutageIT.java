package io.patent2tech.connectors.elasticsearch.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patent2tech.connectors.StoreUnavailableException;
import io.patent2tech.connectors.TcpProxy;
import io.patent2tech.connectors.elasticsearch.CollectingDeadLetters;
import io.patent2tech.connectors.elasticsearch.ElasticsearchSettings;
import io.patent2tech.connectors.elasticsearch.ElasticsearchTestIndex;
import io.patent2tech.connectors.elasticsearch.MeteredMiniCluster;
import io.patent2tech.connectors.elasticsearch.document.PatentDocuments;
import io.patent2tech.connectors.elasticsearch.index.PatentIndex;
import io.patent2tech.connectors.json.SamplePatents;
import io.patent2tech.schema.Patent;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.runtime.JobException;
import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Elasticsearch bulk sink when Elasticsearch cannot be reached, in a real Flink job
 * (MiniCluster) against the real Elasticsearch behind a {@link TcpProxy} that the test cuts, or a
 * proxy that answers 503 as a gateway does: the cluster itself, shared with other tests, keeps
 * running.
 */
class ElasticsearchOutageIT {

  private static final MeteredMiniCluster CLUSTER = new MeteredMiniCluster(2);

  @RegisterExtension
  static final MiniClusterExtension FLINK = CLUSTER.extension();

  private ElasticsearchTestIndex es;
  private CollectingDeadLetters deadLetters;
  private TcpProxy proxy;

  @BeforeEach
  void start() throws IOException {
    es = new ElasticsearchTestIndex();
    PatentIndex.ensure(es.settings());
    deadLetters = new CollectingDeadLetters();
    URI server = URI.create(es.url().split(",")[0].trim());
    proxy = TcpProxy.start(server.getHost(), server.getPort());
  }

  @AfterEach
  void stop() throws IOException {
    proxy.close();
    es.close();
  }

  @Test
  void everyDocumentSentAcrossAFiveSecondCutLandsAndNoErrorSurfaces() throws Exception {
    int documents = 300;
    StreamExecutionEnvironment env = MeteredMiniCluster.environment();
    env.enableCheckpointing(500);
    land(env, documents, 40, throughProxy(Duration.ofSeconds(30), 8));
    JobClient job = env.executeAsync("elasticsearch outage: cut for 5 s");

    awaitDocuments(20);
    proxy.cut();
    long storedAtCut = es.count();
    Thread.sleep(5_000);
    assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
    proxy.restore();

    // no restarts are allowed: finishing means no exception surfaced
    JobID id = job.getJobExecutionResult().get(60, TimeUnit.SECONDS).getJobID();
    assertThat(storedAtCut).isLessThan(documents);
    assertThat(es.count()).isEqualTo(documents);
    // a bulk request cut after Elasticsearch applied it comes back as no-ops when sent again
    assertThat(counter(id, "indexed") + counter(id, "noop")).isEqualTo(documents);
    assertThat(counter(id, "retries")).as("attempts while cut").isPositive();
    assertThat(counter(id, "failed")).isZero();
    assertThat(deadLetters.published()).isEmpty();
  }

  @Test
  void givesUpAfterTheUnavailableTimeoutWithAFirstLineNamingElasticsearchUrlAndCause() throws Exception {
    StreamExecutionEnvironment env = MeteredMiniCluster.environment();
    // not chained to the source, as in the jobs
    land(env, Long.MAX_VALUE, 20, throughProxy(Duration.ofSeconds(3), 8)).disableChaining();

    assertGivesUpWithAFirstLineNamingElasticsearch(env);
  }

  /**
   * Documents sent only by the flush before each checkpoint (no flush timer, requests that never
   * fill): a writer that waited out the outage there would give up there, and Flink would put
   * "Could not perform checkpoint" first.
   */
  @Test
  void givesUpWithTheSameFirstLineWhenOnlyCheckpointsSend() throws Exception {
    StreamExecutionEnvironment env = MeteredMiniCluster.environment();
    env.enableCheckpointing(200);
    ElasticsearchSettings settings = new ElasticsearchSettings("http://127.0.0.1:" + proxy.port(), es.alias(),
        100_000, 100L << 20, 8, 20, Duration.ofSeconds(3));
    land(env, Long.MAX_VALUE, 20, settings, Duration.ZERO).disableChaining();

    assertGivesUpWithAFirstLineNamingElasticsearch(env);
  }

  private void assertGivesUpWithAFirstLineNamingElasticsearch(StreamExecutionEnvironment env) throws Exception {
    JobClient job = env.executeAsync("elasticsearch outage: gone for good");

    awaitDocuments(5);
    proxy.cut();

    assertThatThrownBy(() -> job.getJobExecutionResult().get(60, TimeUnit.SECONDS))
        .satisfies(failure -> {
          Throwable top = taskFailure(failure);
          assertThat(top).isInstanceOf(StoreUnavailableException.class);
          assertThat(top.getMessage()).matches("Elasticsearch at http://127\\.0\\.0\\.1:" + proxy.port()
              + " refused the connection \\(waited [34] s\\): Connection refused");
        });
    assertThat(deadLetters.published()).isEmpty();
  }

  @Test
  void aGatewayAnswering503IsWaitedOutNotCountedAgainstTheRetries() throws Exception {
    try (ThrottlingProxy gateway = ThrottlingProxy.start(es.url(), ThrottlingProxy.Mode.GATEWAY_UNAVAILABLE, 3)) {
      StreamExecutionEnvironment env = MeteredMiniCluster.environment();
      // no retries for load at all: only the wait for an unreachable Elasticsearch can get these through
      ElasticsearchSettings settings = new ElasticsearchSettings(gateway.url(), es.alias(), 10, 1 << 20, 0, 20,
          Duration.ofSeconds(30));
      env.fromData(SamplePatents.sipGrant(), SamplePatents.cheeseDesign())
          .sinkTo(ElasticsearchBulkSink.forPatents(settings, deadLetters));

      JobID id = env.execute("elasticsearch behind a gateway answering 503").getJobID();

      assertThat(gateway.rejectedBulkRequests()).isEqualTo(3);
      assertThat(counter(id, "retries")).isEqualTo(3);
      assertThat(counter(id, "indexed")).isEqualTo(2);
    }
    assertThat(es.count()).isEqualTo(2);
  }

  @Test
  void aPortWhereNothingListensFailsWithTheSameFirstLine() throws Exception {
    int port = proxy.port();
    proxy.cut();
    StreamExecutionEnvironment env = MeteredMiniCluster.environment();
    env.fromData(SamplePatents.sipGrant())
        .sinkTo(ElasticsearchBulkSink.forPatents(throughProxy(Duration.ofSeconds(2), 8), deadLetters));

    assertThatThrownBy(() -> env.execute("elasticsearch nowhere"))
        .satisfies(failure -> assertThat(taskFailure(failure)).isInstanceOf(StoreUnavailableException.class)
            .hasMessageMatching("Elasticsearch at http://127\\.0\\.0\\.1:" + port
                + " refused the connection \\(waited [23] s\\): Connection refused"));
  }

  /** What Flink reports as the job's failure (REST API, web UI): the cause under "Recovery is suppressed". */
  private static Throwable taskFailure(Throwable failure) {
    return ExceptionUtils.findThrowable(failure, JobException.class)
        .map(Throwable::getCause)
        .orElseThrow(() -> new AssertionError("no task failure in", failure));
  }

  private ElasticsearchSettings throughProxy(Duration unavailableTimeout, int maxRetries) {
    return new ElasticsearchSettings("http://127.0.0.1:" + proxy.port(), es.alias(), 10, 1 << 20, maxRetries, 20,
        unavailableTimeout);
  }

  /** Patents under keys of their own, {@code perSecond} of them, so the cut comes while they flow. */
  private DataStreamSink<Patent> land(StreamExecutionEnvironment env, long count, double perSecond,
      ElasticsearchSettings settings) {
    return land(env, count, perSecond, settings, Duration.ofMillis(200));
  }

  private DataStreamSink<Patent> land(StreamExecutionEnvironment env, long count, double perSecond,
      ElasticsearchSettings settings, Duration flushInterval) {
    return env.fromSource(
            new DataGeneratorSource<>(
                index -> SamplePatents.withKey(SamplePatents.sipGrant(), "US-" + (8000000 + index) + "-B2"),
                count,
                RateLimiterStrategy.perSecond(perSecond),
                new AvroTypeInfo<>(Patent.class)),
            WatermarkStrategy.noWatermarks(),
            "patents")
        .sinkTo(ElasticsearchBulkSink.<Patent>builder(settings)
            .mapper(PatentDocuments.mapper())
            .deadLetters(deadLetters)
            .flushInterval(flushInterval)
            .build());
  }

  private void awaitDocuments(long atLeast) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (es.count() < atLeast) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("fewer than " + atLeast + " documents arrived in 60 s");
      }
      Thread.sleep(100);
    }
  }

  private static long counter(JobID job, String name) {
    return CLUSTER.counter(job, name);
  }
}
