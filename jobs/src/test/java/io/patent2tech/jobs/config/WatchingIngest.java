package io.patent2tech.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import io.patent2tech.connectors.kafka.Topics;
import io.patent2tech.jobs.CountsCommand;
import io.patent2tech.jobs.LocalStack;
import io.patent2tech.jobs.ingest.IngestJob;

/**
 * An ingest job watching a directory, started on the test's MiniCluster (async) with its checkpoints
 * in a directory of the test: what the checkpoint and resume ITs cancel and start again. Its own
 * topics, removed on close.
 */
final class WatchingIngest implements AutoCloseable {

  final String run;
  final String topic;
  private final String dlq;
  private final Path watched;
  private final Path checkpoints;

  WatchingIngest(String prefix, Path watched, Path checkpoints) {
    this.run = LocalStack.runName(prefix);
    this.topic = run + ".patents.normalized";
    this.dlq = run + ".patents.dlq";
    this.watched = watched;
    this.checkpoints = checkpoints;
    Topics.ensure(LocalStack.KAFKA, Map.of(topic, 1, dlq, 1));
  }

  /** Starts the job, checkpointing every 500 ms, listing the directory every 200 ms; {@code options} are added. */
  JobClient start(String... options) throws Exception {
    List<String> args = new ArrayList<>(List.of("--kafka.bootstrap", LocalStack.KAFKA, "--registry.url", LocalStack.REGISTRY,
        "--topic.normalized", topic, "--topic.dlq", dlq, "--transactional-id-prefix", run,
        "--checkpoint.interval", "500 ms", "--parallelism", "1", "--checkpoint.dir", checkpoints.toUri().toString(),
        "--watch", "--watch-interval", "200 ms"));
    args.addAll(List.of(options));
    args.add(watched.toString());
    Settings s = Settings.parse(IngestJob.SETTINGS, IngestJob.FLAGS, args.toArray(String[]::new), Map.of());
    StreamExecutionEnvironment env = FlinkEnvironments.create(s);
    IngestJob.build(env, s);
    return env.executeAsync(run);
  }

  long committedRecords() {
    return CountsCommand.committedRecords(LocalStack.KAFKA, topic);
  }

  void awaitRecords(long n) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 120_000;
    while (committedRecords() < n) {
      assertThat(System.currentTimeMillis()).as("%d records within 2 min", n).isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  @Override
  public void close() throws Exception {
    LocalStack.deleteTopics(List.of(topic, dlq));
  }
}
