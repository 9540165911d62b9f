package io.patent2tech.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.patent2tech.connectors.kafka.Topics;
import io.patent2tech.jobs.config.FlinkEnvironments;
import io.patent2tech.jobs.config.Settings;
import io.patent2tech.jobs.ingest.IngestJob;

/**
 * The ingest job in watch mode on the real Kafka: files dropped into the directory while the job
 * runs are picked up and published; a file with the same content under another name is not
 * published again.
 */
class IngestWatchIT {

  private static final Duration PATIENCE = Duration.ofSeconds(90);

  @RegisterExtension
  static final MiniClusterExtension FLINK = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder()
          .setNumberTaskManagers(1)
          .setNumberSlotsPerTaskManager(2)
          .build());

  private static final String RUN = LocalStack.runName("watch");
  private static final String TOPIC = RUN + ".patents.normalized";
  private static final String DLQ = RUN + ".patents.dlq";

  @TempDir
  Path watched;

  @AfterAll
  static void removeTopics() throws Exception {
    LocalStack.deleteTopics(List.of(TOPIC, DLQ));
  }

  @Test
  void picksUpFilesDroppedWhileRunning() throws Exception {
    Path fixtures = Path.of(System.getProperty("p2t.fixtures"), "uspto", "grant");
    Settings settings = Settings.parse(IngestJob.SETTINGS, IngestJob.FLAGS, new String[] {
        "--kafka.bootstrap", LocalStack.KAFKA, "--registry.url", LocalStack.REGISTRY, "--topic.normalized", TOPIC, "--topic.dlq", DLQ,
        "--transactional-id-prefix", RUN, "--watch", "--watch-interval", "500 ms",
        "--checkpoint.interval", "1 s", "--parallelism", "1", watched.toString()}, Map.of());
    Topics.ensure(LocalStack.KAFKA, Map.of(TOPIC, 1, DLQ, 1));
    StreamExecutionEnvironment env = FlinkEnvironments.create(settings);
    IngestJob.build(env, settings);
    JobClient job = env.executeAsync("ingest-watch-it");
    try {
      drop(fixtures.resolve("US08930553.xml"), "first.xml");
      awaitCommitted(1);

      drop(fixtures.resolve("ipgD0701016.xml"), "second.xml");
      awaitCommitted(2);

      // same content as first.xml: dropped by the dedupe; then a new document to know the
      // duplicate has been through the pipeline (one reader, files in discovery order)
      drop(fixtures.resolve("US08930553.xml"), "first-again.xml");
      Thread.sleep(1500);
      drop(fixtures.resolve("US06859910.xml"), "third.xml");
      awaitCommitted(3);
      Thread.sleep(3000); // a few more checkpoints: nothing else may appear
      assertThat(CountsCommand.committedRecords(LocalStack.KAFKA, TOPIC)).isEqualTo(3);
      assertThat(job.getJobStatus().get().isTerminalState()).isFalse();
    } finally {
      job.cancel().get();
    }
  }

  /** Atomic drop, as docs/architecture.md tells operators: hidden name first, then rename. */
  private void drop(Path source, String name) throws Exception {
    Path hidden = watched.resolve("." + name + ".part");
    Files.copy(source, hidden);
    Files.move(hidden, watched.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  private static void awaitCommitted(long expected) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    long seen = 0;
    while (System.nanoTime() < deadline) {
      seen = CountsCommand.committedRecords(LocalStack.KAFKA, TOPIC);
      if (seen >= expected) {
        assertThat(seen).isEqualTo(expected);
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("expected " + expected + " committed records in " + TOPIC
        + " within " + PATIENCE + ", saw " + seen);
  }
}
