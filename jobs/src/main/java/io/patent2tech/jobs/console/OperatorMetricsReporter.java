package io.patent2tech.jobs.console;

import java.util.Properties;

import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/**
 * A Flink metric reporter that hands every operator's counters to {@link OperatorMetrics}, so the
 * console reads them in the same JVM, live and without a REST round trip. Only the local
 * MiniCluster of {@code scripts/run} is configured with it ({@link LocalConsole}); a cluster never
 * loads it.
 */
public final class OperatorMetricsReporter implements MetricReporter {

  /** The name it is configured under: {@code metrics.reporter.<NAME>.factory.class}. */
  static final String NAME = "p2t-console";

  @Override
  public void open(MetricConfig config) {}

  @Override
  public void close() {}

  @Override
  public void notifyOfAddedMetric(Metric metric, String name, MetricGroup group) {
    OperatorMetrics.add(metric, name, group);
  }

  @Override
  public void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {
    // kept: a finished task's counters are the job's final counts
  }

  /** Found by Flink through META-INF/services, created by its class name. */
  public static final class Factory implements MetricReporterFactory {
    @Override
    public MetricReporter createMetricReporter(Properties properties) {
      return new OperatorMetricsReporter();
    }
  }
}
