package io.patent2tech.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.flink.runtime.checkpoint.Checkpoints;
import org.apache.flink.runtime.checkpoint.OperatorState;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.checkpoint.metadata.CheckpointMetadata;
import org.apache.flink.runtime.state.IncrementalRemoteKeyedStateHandle;
import org.apache.flink.runtime.state.KeyedStateHandle;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.apache.flink.core.execution.JobClient;


/**
 * {@code --state.backend rocksdb} with incremental checkpoints, on a real job: the ingest job
 * watching a directory with the sample (its dedupe keeps keyed state) writes its checkpoints to
 * {@code --checkpoint.dir}; after the job is cancelled the last one is still there, and its keyed
 * state is RocksDB's incremental kind.
 */
class RocksDbCheckpointsIT {

  @RegisterExtension
  static final MiniClusterExtension FLINK = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  @TempDir
  Path checkpoints;

  @TempDir
  Path watched;

  @Test
  void theDedupeStateIsCheckpointedIncrementallyByRocksDbAndKeptAfterCancelling() throws Exception {
    Path sample = Path.of(System.getProperty("p2t.repo"), "samples", "uspto", "ipg-ipa-sample.zip");
    Files.copy(sample, watched.resolve(sample.getFileName()));
    try (WatchingIngest ingest = new WatchingIngest("rocksdb", watched, checkpoints)) {
      JobClient job = ingest.start("--state.backend", "rocksdb");
      ingest.awaitRecords(10);
      Thread.sleep(1_500); // a checkpoint or two more
      job.cancel().get();

      List<RetainedCheckpoints.Checkpoint> kept = RetainedCheckpoints.list(checkpoints.toUri().toString());
      assertThat(kept).as("retained checkpoints in %s", checkpoints).isNotEmpty();
      List<KeyedStateHandle> keyed = new ArrayList<>();
      try (InputStream in = Files.newInputStream(kept.get(0).path().resolve("_metadata"))) {
        CheckpointMetadata m = Checkpoints.loadCheckpointMetadata(new DataInputStream(in),
            getClass().getClassLoader(), kept.get(0).path().toString());
        for (OperatorState op : m.getOperatorStates()) {
          for (OperatorSubtaskState sub : op.getSubtaskStates().values()) {
            keyed.addAll(sub.getManagedKeyedState());
          }
        }
      }
      assertThat(keyed).as("keyed state of the dedupe").isNotEmpty()
          .allSatisfy(h -> assertThat(h).isInstanceOf(IncrementalRemoteKeyedStateHandle.class));
    }
  }
}
