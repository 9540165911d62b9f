package io.patent2tech.udfs.metrics;

import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/**
 * A latency histogram in milliseconds over the last {@link #WINDOW} values, Flink's own
 * implementation; the Prometheus reporter exports it as a summary (quantiles 0.5 to 0.999, count).
 */
public final class Latency {

  /** Values kept for the quantiles: enough for a minute of a busy stage, small in memory. */
  public static final int WINDOW = 1_000;

  private Latency() {}

  public static Histogram histogram(MetricGroup group, String name) {
    return group.histogram(name, new DescriptiveStatisticsHistogram(WINDOW));
  }
}
