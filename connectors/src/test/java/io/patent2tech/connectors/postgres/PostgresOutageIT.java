package io.patent2tech.connectors.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.patent2tech.connectors.StoreUnavailableException;
import io.patent2tech.connectors.TcpProxy;
import io.patent2tech.connectors.json.SamplePatents;
import io.patent2tech.schema.Patent;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.runtime.JobException;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The PostgreSQL landing sink when the database goes away, in a real Flink job (MiniCluster)
 * against the real PostgreSQL, reached through a {@link TcpProxy} that the test cuts: the server
 * itself, shared with other tests, keeps running.
 */
class PostgresOutageIT {

  @RegisterExtension
  static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
      .setNumberTaskManagers(1)
      .setNumberSlotsPerTaskManager(2)
      .build());

  private PostgresTestDatabase database;
  private TcpProxy proxy;

  @BeforeEach
  void start() throws Exception {
    database = new PostgresTestDatabase();
    proxy = TcpProxy.start(database.serverHost(), database.serverPort());
  }

  @AfterEach
  void stop() throws Exception {
    proxy.close();
    database.close();
  }

  @Test
  void everyRecordWrittenAcrossAFiveSecondCutLandsOnceAndNoErrorSurfaces() throws Exception {
    PostgresMigrations.migrate(database.settings());
    int records = 300;
    StreamExecutionEnvironment env = SinkJobs.environment(2);
    env.enableCheckpointing(500);
    patents(env, records, 40)
        .sinkTo(PatentPostgresSink.create(database.settingsVia(proxy.port(), Duration.ofSeconds(30)), 10, 200));
    JobClient job = env.executeAsync("postgres outage: cut for 5 s");

    awaitPatents(20);
    proxy.cut();
    long landedAtCut = count("patents");
    Thread.sleep(5_000);
    assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
    proxy.restore();

    // no restarts are allowed (restart strategy none): finishing means no exception surfaced
    job.getJobExecutionResult().get(60, TimeUnit.SECONDS);
    assertThat(landedAtCut).isLessThan(records);
    assertThat(proxy.accepted()).as("connections, the writers' reconnections included").isGreaterThan(2);
    assertThat(count("patents")).isEqualTo(records);
    assertThat(database.rows("SELECT count(DISTINCT publication_key), max(version) FROM patents"))
        .containsExactly(List.of((long) records, 1));
    // the procedure replaces child rows, so a batch sent twice leaves each claim once
    assertThat(count("claims")).isEqualTo(records * 8L);
    assertThat(count("dead_letters")).isZero();
  }

  @Test
  void givesUpAfterTheReconnectTimeoutWithAFirstLineNamingServerEndpointAndCause() throws Exception {
    PostgresMigrations.migrate(database.settings());
    StreamExecutionEnvironment env = SinkJobs.environment(1);
    // The batch never fills and there are no checkpoints: the timer sends, which is how an outage
    // is usually met, since the timer (pg.batch-interval, 1 s) runs far more often than checkpoints
    // (10 s). Not chained to the source, as in the jobs.
    patents(env, Long.MAX_VALUE, 20)
        .sinkTo(PatentPostgresSink.create(database.settingsVia(proxy.port(), Duration.ofSeconds(3)), 100_000, 200))
        .disableChaining();
    JobClient job = env.executeAsync("postgres outage: gone for good");

    awaitPatents(5);
    proxy.cut();

    assertThatThrownBy(() -> job.getJobExecutionResult().get(60, TimeUnit.SECONDS))
        .satisfies(failure -> {
          Throwable top = taskFailure(failure);
          assertThat(top).isInstanceOf(StoreUnavailableException.class);
          assertThat(top.getMessage()).matches("PostgreSQL at 127\\.0\\.0\\.1:" + proxy.port()
              + "/\\S+ refused the connection \\(waited [34] s\\): Connection refused");
          assertThat(ExceptionUtils.stringifyException(top)).doesNotContain("Managing mid-dialog");
        });
  }

  @Test
  void aGiveUpInTheFlushBeforeACheckpointIsWrappedByFlinkWithOursAsItsCause() throws Exception {
    PostgresMigrations.migrate(database.settings());
    StreamExecutionEnvironment env = SinkJobs.environment(1);
    env.enableCheckpointing(300);
    // The batch never fills and there is no timer: only the flush before a checkpoint sends. Flink
    // wraps whatever that throws in "Could not perform checkpoint N for operator ...". Not chained
    // to the source, as in the jobs.
    patents(env, Long.MAX_VALUE, 20)
        .sinkTo(PatentPostgresSink.create(database.settingsVia(proxy.port(), Duration.ofSeconds(3)), 100_000, 0))
        .disableChaining();
    JobClient job = env.executeAsync("postgres outage at a checkpoint");

    awaitPatents(5);
    proxy.cut();

    assertThatThrownBy(() -> job.getJobExecutionResult().get(60, TimeUnit.SECONDS))
        .satisfies(failure -> {
          Throwable top = taskFailure(failure);
          assertThat(top).hasMessageStartingWith("Could not perform checkpoint ");
          assertThat(top.getCause()).isInstanceOf(StoreUnavailableException.class)
              .hasMessageStartingWith("PostgreSQL at 127.0.0.1:" + proxy.port() + "/");
        });
  }

  @Test
  void anyOtherErrorNamesStateAndServerMessageButNoRecord() throws Exception {
    // no migrations: the procedure does not exist
    StreamExecutionEnvironment env = SinkJobs.environment(1);
    env.fromData(SamplePatents.sipGrant(), SamplePatents.cheeseDesign())
        .sinkTo(PatentPostgresSink.create(database.settingsVia(proxy.port(), Duration.ofSeconds(30)), 10, 0));

    assertThatThrownBy(() -> env.execute("postgres error: no procedure"))
        .satisfies(failure -> {
          Throwable top = taskFailure(failure);
          assertThat(top.getMessage()).matches("PostgreSQL at 127\\.0\\.0\\.1:" + proxy.port()
              + "/\\S+ rejected a batch of 2 records: SQLSTATE 42883: procedure p2t_upsert_patent\\(.*\\) "
              + "does not exist");
          String reported = ExceptionUtils.stringifyException(top);
          assertThat(reported).doesNotContain("Managing mid-dialog", "US-8930553-B2", "Batch entry");
        });
  }

  /** What Flink reports as the job's failure (REST API, web UI): the cause under "Recovery is suppressed". */
  private static Throwable taskFailure(Throwable failure) {
    return ExceptionUtils.findThrowable(failure, JobException.class)
        .map(Throwable::getCause)
        .orElseThrow(() -> new AssertionError("no task failure in", failure));
  }

  /** Patents under keys of their own, {@code perSecond} of them, so the cut comes while they flow. */
  private static DataStream<Patent> patents(StreamExecutionEnvironment env, long count, double perSecond) {
    return env.fromSource(
        new DataGeneratorSource<>(
            index -> SamplePatents.withKey(SamplePatents.sipGrant(), "US-" + (7000000 + index) + "-B2"),
            count,
            RateLimiterStrategy.perSecond(perSecond),
            new AvroTypeInfo<>(Patent.class)),
        WatermarkStrategy.noWatermarks(),
        "patents");
  }

  private void awaitPatents(long atLeast) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (count("patents") < atLeast) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("fewer than " + atLeast + " patents landed in 60 s");
      }
      Thread.sleep(100);
    }
  }

  private long count(String table) throws SQLException {
    return (Long) database.rows("SELECT count(*) FROM " + table).get(0).get(0);
  }
}
