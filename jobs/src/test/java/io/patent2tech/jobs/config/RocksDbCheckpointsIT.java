package io.patent2tech.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import io.patent2tech.connectors.kafka.Topics;
import io.patent2tech.jobs.CountsCommand;
import io.patent2tech.jobs.LocalStack;
import io.patent2tech.jobs.ingest.IngestJob;

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
    String run = LocalStack.runName("rocksdb");
    String topic = run + ".patents.normalized";
    String dlq = run + ".patents.dlq";
    Path sample = Path.of(System.getProperty("p2t.repo"), "samples", "uspto", "ipg-ipa-sample.zip");
    try {
      Files.copy(sample, watched.resolve(sample.getFileName()));
      Settings s = Settings.parse(IngestJob.SETTINGS, IngestJob.FLAGS, new String[] {
          "--kafka.bootstrap", LocalStack.KAFKA, "--topic.normalized", topic, "--topic.dlq", dlq,
          "--transactional-id-prefix", run, "--checkpoint.interval", "500 ms", "--parallelism", "1",
          "--state.backend", "rocksdb", "--checkpoint.dir", checkpoints.toUri().toString(),
          "--watch", "--watch-interval", "200 ms", watched.toString()}, Map.of());
      Topics.ensure(LocalStack.KAFKA, Map.of(topic, 1, dlq, 1));
      StreamExecutionEnvironment env = FlinkEnvironments.create(s);
      IngestJob.build(env, s);
      JobClient job = env.executeAsync("rocksdb-ingest");
      long deadline = System.currentTimeMillis() + 120_000;
      while (CountsCommand.committedRecords(LocalStack.KAFKA, topic) < 10) {
        assertThat(System.currentTimeMillis()).as("10 records within 2 min").isLessThan(deadline);
        Thread.sleep(200);
      }
      Thread.sleep(1_500); // a checkpoint or two more
      job.cancel().get();
      List<Path> metadata;
      try (Stream<Path> files = Files.walk(checkpoints)) {
        metadata = files.filter(f -> f.getFileName().toString().equals("_metadata")).toList();
      }
      assertThat(metadata).as("retained checkpoints in %s", checkpoints).isNotEmpty();
      List<KeyedStateHandle> keyed = new ArrayList<>();
      try (InputStream in = Files.newInputStream(metadata.get(metadata.size() - 1))) {
        CheckpointMetadata m = Checkpoints.loadCheckpointMetadata(new DataInputStream(in),
            getClass().getClassLoader(), metadata.get(0).getParent().toString());
        for (OperatorState op : m.getOperatorStates()) {
          for (OperatorSubtaskState sub : op.getSubtaskStates().values()) {
            keyed.addAll(sub.getManagedKeyedState());
          }
        }
      }
      assertThat(keyed).as("keyed state of the dedupe").isNotEmpty()
          .allSatisfy(h -> assertThat(h).isInstanceOf(IncrementalRemoteKeyedStateHandle.class));
    } finally {
      LocalStack.deleteTopics(List.of(topic, dlq));
    }
  }
}
