package io.patent2tech.connectors.elasticsearch;

import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;

/**
 * A MiniCluster whose metrics the test can read after a job, for the sink ITs: register {@link
 * #extension()} with {@code @RegisterExtension}, run jobs built on {@link #environment()}, then
 * ask {@link #counter} for the sink's counters.
 */
public final class MeteredMiniCluster {

  private final InMemoryReporter metrics = InMemoryReporter.createWithRetainedMetrics();
  private final MiniClusterExtension extension;

  public MeteredMiniCluster(int slots) {
    extension = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
        .setConfiguration(metrics.addToConfiguration(new Configuration()))
        .setNumberTaskManagers(1)
        .setNumberSlotsPerTaskManager(slots)
        .build());
  }

  public MiniClusterExtension extension() {
    return extension;
  }

  /** Parallelism 1, no restarts: a failure fails the test at once. */
  public static StreamExecutionEnvironment environment() {
    Configuration configuration = new Configuration();
    configuration.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
    env.setParallelism(1);
    return env;
  }

  /** The sum of a sink counter over all writer subtasks of a finished job. */
  public long counter(JobID job, String name) {
    return metrics.getMetricsByIdentifiers(job).entrySet().stream()
        .filter(metric -> metric.getKey().endsWith("." + name) && metric.getValue() instanceof Counter)
        .mapToLong(metric -> ((Counter) metric.getValue()).getCount())
        .sum();
  }
}
