package io.patent2tech.connectors.postgres;

import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Local Flink jobs the PostgreSQL ITs land their records with. */
final class SinkJobs {

  private SinkJobs() {}

  /** A local environment without restarts: a failing task fails the job, and so the test. */
  static StreamExecutionEnvironment environment(int parallelism) {
    Configuration configuration = new Configuration();
    configuration.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
    env.setParallelism(parallelism);
    return env;
  }

  /** {@code records} through {@code sink} at parallelism 2, until the job ends. */
  static <T> void land(List<T> records, Sink<T> sink, String jobName) throws Exception {
    StreamExecutionEnvironment env = environment(2);
    env.fromData(records).sinkTo(sink);
    env.execute(jobName);
  }
}
