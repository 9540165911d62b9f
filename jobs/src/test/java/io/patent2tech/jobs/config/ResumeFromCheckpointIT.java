package io.patent2tech.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.patent2tech.connectors.kafka.Topics;
import io.patent2tech.jobs.CheckpointsCommand;
import io.patent2tech.jobs.CountsCommand;
import io.patent2tech.jobs.LocalStack;
import io.patent2tech.jobs.ingest.IngestJob;

/**
 * Resume: an ingest job watching a directory is cancelled; its last checkpoint stays in
 * --checkpoint.dir, `checkpoints` lists it, and a new job started with --restore.from latest over
 * the same directory publishes nothing again (the file source remembers the files it read, the
 * dedupe the documents it passed on), then publishes a file dropped after the restart.
 */
class ResumeFromCheckpointIT {

  @RegisterExtension
  static final MiniClusterExtension FLINK = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  @TempDir
  Path checkpoints;

  @TempDir
  Path watched;

  @Test
  void aCancelledJobResumesFromItsLatestCheckpointWithoutRepublishing() throws Exception {
    String run = LocalStack.runName("resume");
    String topic = run + ".patents.normalized";
    String dlq = run + ".patents.dlq";
    Path fixtures = Path.of(System.getProperty("p2t.fixtures"), "uspto", "grant");
    Files.copy(Path.of(System.getProperty("p2t.repo"), "samples", "uspto", "ipg-ipa-sample.zip"),
        watched.resolve("ipg-ipa-sample.zip"));
    Topics.ensure(LocalStack.KAFKA, Map.of(topic, 1, dlq, 1));
    try {
      JobClient first = start(topic, dlq, run, null);
      awaitRecords(topic, 10);
      Thread.sleep(1_500); // a checkpoint after the last record
      first.cancel().get();

      ByteArrayOutputStream listing = new ByteArrayOutputStream();
      CheckpointsCommand.run(Settings.parse(CheckpointsCommand.SETTINGS, List.of(),
          new String[] {"--checkpoint.dir", checkpoints.toUri().toString()}, Map.of()),
          new PrintStream(listing, true, StandardCharsets.UTF_8));
      assertThat(listing.toString(StandardCharsets.UTF_8)).contains(first.getJobID().toString()).contains("chk-");

      JobClient resumed = start(topic, dlq, run, "latest");
      Thread.sleep(4_000); // the directory is listed every 200 ms: time to re-read it, were it forgotten
      assertThat(CountsCommand.committedRecords(LocalStack.KAFKA, topic)).as("nothing published again").isEqualTo(10);
      // a file dropped after the restart is read as usual
      Files.copy(fixtures.resolve("grant_us11646472b2_17248024.xml"), watched.resolve("new.xml"));
      awaitRecords(topic, 11);
      resumed.cancel().get();
    } finally {
      LocalStack.deleteTopics(List.of(topic, dlq));
    }
  }

  private JobClient start(String topic, String dlq, String run, String restoreFrom) throws Exception {
    List<String> args = new java.util.ArrayList<>(List.of("--kafka.bootstrap", LocalStack.KAFKA,
        "--topic.normalized", topic, "--topic.dlq", dlq, "--transactional-id-prefix", run,
        "--checkpoint.interval", "500 ms", "--parallelism", "1", "--checkpoint.dir", checkpoints.toUri().toString(),
        "--watch", "--watch-interval", "200 ms"));
    if (restoreFrom != null) {
      args.addAll(List.of("--restore.from", restoreFrom));
    }
    args.add(watched.toString());
    Settings s = Settings.parse(IngestJob.SETTINGS, IngestJob.FLAGS, args.toArray(String[]::new), Map.of());
    StreamExecutionEnvironment env = FlinkEnvironments.create(s);
    IngestJob.build(env, s);
    return env.executeAsync("resume-ingest");
  }

  private static void awaitRecords(String topic, long n) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 120_000;
    while (CountsCommand.committedRecords(LocalStack.KAFKA, topic) < n) {
      assertThat(System.currentTimeMillis()).as("%d records within 2 min", n).isLessThan(deadline);
      Thread.sleep(200);
    }
  }
}
