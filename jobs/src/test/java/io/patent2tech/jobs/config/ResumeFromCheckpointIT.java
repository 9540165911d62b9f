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
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.patent2tech.jobs.CheckpointsCommand;

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
    Path fixtures = Path.of(System.getProperty("p2t.fixtures"), "uspto", "grant");
    Files.copy(Path.of(System.getProperty("p2t.repo"), "samples", "uspto", "ipg-ipa-sample.zip"),
        watched.resolve("ipg-ipa-sample.zip"));
    try (WatchingIngest ingest = new WatchingIngest("resume", watched, checkpoints)) {
      // the dedupe does not learn from the topic: what it remembers must come from the checkpoint
      JobClient first = ingest.start("--dedupe-from-topic", "false");
      ingest.awaitRecords(10);
      Thread.sleep(1_500); // a checkpoint after the last record
      first.cancel().get();

      ByteArrayOutputStream listing = new ByteArrayOutputStream();
      CheckpointsCommand.run(Settings.parse(CheckpointsCommand.SETTINGS, List.of(),
          new String[] {"--checkpoint.dir", checkpoints.toUri().toString()}, Map.of()),
          new PrintStream(listing, true, StandardCharsets.UTF_8));
      assertThat(listing.toString(StandardCharsets.UTF_8)).contains(first.getJobID().toString()).contains("chk-");

      JobClient resumed = ingest.start("--dedupe-from-topic", "false", "--restore.from", "latest");
      Thread.sleep(4_000); // the directory is listed every 200 ms: time to re-read it, were it forgotten
      assertThat(ingest.committedRecords()).as("nothing published again").isEqualTo(10);
      // a file dropped after the restart is read as usual
      Files.copy(fixtures.resolve("grant_us11646472b2_17248024.xml"), watched.resolve("new.xml"));
      ingest.awaitRecords(11);
      resumed.cancel().get();
    }
  }

  /**
   * A fresh start: the watching job is cancelled and a new one, without any checkpoint, reads the
   * same directory again at a different parallelism; its dedupe learns what the topic holds, so it
   * publishes nothing again, and a new file still comes through.
   */
  @Test
  void aNewJobWithoutCheckpointPublishesNothingThatIsPublished() throws Exception {
    Path fixtures = Path.of(System.getProperty("p2t.fixtures"), "uspto", "grant");
    Files.copy(Path.of(System.getProperty("p2t.repo"), "samples", "uspto", "ipg-ipa-sample.zip"),
        watched.resolve("ipg-ipa-sample.zip"));
    try (WatchingIngest ingest = new WatchingIngest("fresh", watched, checkpoints)) {
      JobClient first = ingest.start();
      ingest.awaitRecords(10);
      first.cancel().get();

      JobClient fresh = ingest.start("--parallelism", "2");
      Files.copy(fixtures.resolve("grant_us11646472b2_17248024.xml"), watched.resolve("new.xml"));
      ingest.awaitRecords(11);
      Thread.sleep(2_000); // more listings and checkpoints: nothing else comes
      assertThat(ingest.committedRecords()).as("only the new document published").isEqualTo(11);
      fresh.cancel().get();
    }
  }
}
