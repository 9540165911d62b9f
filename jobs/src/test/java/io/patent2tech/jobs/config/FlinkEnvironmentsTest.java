package io.patent2tech.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.junit.jupiter.api.Test;

/** What the runtime settings turn into, for every job. */
class FlinkEnvironmentsTest {

  private static Configuration conf(String... args) {
    return FlinkEnvironments.configuration(Settings.parse(CommonSettings.RUNTIME, List.of(), args, Map.of()));
  }

  @Test
  void byDefaultRestartsBackOffExponentiallyAndOutlastAnOutageOfTenMinutes() {
    Configuration c = conf();
    assertThat(c.get(RestartStrategyOptions.RESTART_STRATEGY)).isEqualTo("exponential-delay");
    Duration initial = c.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF);
    Duration max = c.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF);
    double factor = c.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER);
    int attempts = c.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS);
    // the time the attempts take before the job would give up, without jitter
    double seconds = 0;
    double delay = initial.toMillis() / 1000.0;
    for (int i = 0; i < attempts; i++) {
      seconds += delay;
      delay = Math.min(delay * factor, max.toMillis() / 1000.0);
    }
    assertThat(seconds).as("seconds of restarts before giving up").isGreaterThan(10 * 60);
    assertThat(c.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD))
        .isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void fixedAndNoRestartsCanBeChosen() {
    Configuration fixed = conf("--restart.strategy", "fixed", "--restart.attempts", "3", "--restart.delay", "2 s");
    assertThat(fixed.get(RestartStrategyOptions.RESTART_STRATEGY)).isEqualTo("fixed-delay");
    assertThat(fixed.get(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS)).isEqualTo(3);
    assertThat(fixed.get(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY)).isEqualTo(Duration.ofSeconds(2));
    assertThat(conf("--restart.strategy", "none").get(RestartStrategyOptions.RESTART_STRATEGY)).isEqualTo("none");
    assertThatThrownBy(() -> conf("--restart.strategy", "sometimes")).hasMessageContaining("exponential, fixed or none");
  }

  @Test
  void checkpointsAreKeptWhenAJobIsCancelledOrFailsAndFailedOnesAreTolerated() {
    Configuration c = conf("--checkpoint.dir", "file:///srv/checkpoints");
    assertThat(c.get(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION))
        .isEqualTo(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    assertThat(c.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).isEqualTo("file:///srv/checkpoints");
    assertThat(c.get(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER)).isEqualTo(5);
  }

  @Test
  void theStateBackendIsChosenBySettings() {
    assertThat(conf().get(StateBackendOptions.STATE_BACKEND)).isEqualTo("hashmap");
    Configuration rocks = conf("--state.backend", "rocksdb");
    assertThat(rocks.get(StateBackendOptions.STATE_BACKEND)).isEqualTo("rocksdb");
    assertThat(rocks.get(CheckpointingOptions.INCREMENTAL_CHECKPOINTS)).isTrue();
    assertThatThrownBy(() -> conf("--state.backend", "memory")).hasMessageContaining("hashmap or rocksdb");
  }
}
