package io.patent2tech.jobs.config;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** The execution environment every job starts from: checkpointing on, exactly-once, bounded restarts. */
public final class FlinkEnvironments {

  private FlinkEnvironments() {}

  /**
   * Inside a Flink cluster this is the cluster's environment; run from a plain JVM it is a local
   * MiniCluster, which is how the local stack runs the jobs.
   */
  public static StreamExecutionEnvironment create(Settings settings) {
    Configuration conf = new Configuration();
    // bounded attempts: a broken dependency surfaces as a failed job instead of endless restarts
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS,
        settings.getInt(CommonSettings.RESTART_ATTEMPTS.key()));
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY,
        settings.getDuration(CommonSettings.RESTART_DELAY.key()));
    String checkpointDir = settings.get(CommonSettings.CHECKPOINT_DIR.key());
    if (checkpointDir != null && !checkpointDir.isBlank()) {
      conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
      conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointDir);
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(settings.getInt(CommonSettings.PARALLELISM.key()));
    env.enableCheckpointing(settings.getDuration(CommonSettings.CHECKPOINT_INTERVAL.key()).toMillis(),
        CheckpointingMode.EXACTLY_ONCE);
    return env;
  }
}
