package io.patent2tech.jobs.config;

import java.util.Locale;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.streaming.api.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The execution environment every job starts from: exactly-once checkpoints that are kept when the
 * job is cancelled or fails, the state backend chosen in the settings, and restarts that ride out a
 * dependency that is down for minutes (exponential delays, the count starting over after a healthy
 * period) instead of a few attempts spent in seconds.
 */
public final class FlinkEnvironments {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FlinkEnvironments.class);

  private FlinkEnvironments() {}

  /**
   * Inside a Flink cluster this is the cluster's environment; run from a plain JVM it is a local
   * MiniCluster, which is how the local stack runs the jobs.
   */
  public static StreamExecutionEnvironment create(Settings settings) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration(settings));
    env.setParallelism(settings.getInt(CommonSettings.PARALLELISM.key()));
    env.enableCheckpointing(settings.getDuration(CommonSettings.CHECKPOINT_INTERVAL.key()).toMillis(),
        CheckpointingMode.EXACTLY_ONCE);
    return env;
  }

  /** The job configuration the runtime settings ({@link CommonSettings#RUNTIME}) stand for. */
  static Configuration configuration(Settings settings) {
    Configuration conf = new Configuration();
    restarts(conf, settings);
    String checkpointDir = settings.get(CommonSettings.CHECKPOINT_DIR.key());
    if (checkpointDir != null && !checkpointDir.isBlank()) {
      conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
      conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointDir);
    }
    // a cancelled or failed job leaves its last checkpoint behind, to resume from
    conf.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
        ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    conf.set(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER,
        settings.getInt(CommonSettings.CHECKPOINT_TOLERABLE_FAILURES.key()));
    String backend = settings.require(CommonSettings.STATE_BACKEND.key()).strip().toLowerCase(Locale.ROOT);
    if (!backend.equals("hashmap") && !backend.equals("rocksdb")) {
      throw new IllegalArgumentException("--" + CommonSettings.STATE_BACKEND.key()
          + " must be hashmap or rocksdb, got '" + backend + "'");
    }
    conf.set(StateBackendOptions.STATE_BACKEND, backend);
    conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, settings.getBoolean(CommonSettings.STATE_INCREMENTAL.key()));
    String restoreFrom = settings.get(CommonSettings.RESTORE_FROM.key());
    if (restoreFrom != null && !restoreFrom.isBlank()) {
      String path = RetainedCheckpoints.resolve(restoreFrom, checkpointDir);
      LOG.info("restoring from {}", path);
      conf.set(StateRecoveryOptions.SAVEPOINT_PATH, path);
      conf.set(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE,
          settings.getBoolean(CommonSettings.RESTORE_ALLOW_NON_RESTORED.key()));
    }
    return conf;
  }

  private static void restarts(Configuration conf, Settings settings) {
    String strategy = settings.require(CommonSettings.RESTART_STRATEGY.key()).strip().toLowerCase(Locale.ROOT);
    int attempts = settings.getInt(CommonSettings.RESTART_ATTEMPTS.key());
    switch (strategy) {
      case "exponential", "exponential-delay" -> {
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF,
            settings.getDuration(CommonSettings.RESTART_DELAY.key()));
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF,
            settings.getDuration(CommonSettings.RESTART_MAX_DELAY.key()));
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER, 2.0);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD,
            settings.getDuration(CommonSettings.RESTART_RESET_AFTER.key()));
        // restarts of many jobs after one outage should not all hit the dependency at once
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_JITTER_FACTOR, 0.1);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS, attempts);
      }
      case "fixed", "fixed-delay" -> {
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, attempts);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY,
            settings.getDuration(CommonSettings.RESTART_DELAY.key()));
      }
      case "none" -> conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
      default -> throw new IllegalArgumentException("--" + CommonSettings.RESTART_STRATEGY.key()
          + " must be exponential, fixed or none, got '" + strategy + "'");
    }
  }
}
