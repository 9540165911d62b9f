package io.patent2tech.udfs.metrics;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;

/**
 * One counter split by a label: {@code addGroup(label, value).counter(name)}, which Flink's
 * Prometheus reporter exports as {@code <scope>_<label>_<name>{<label>="<value>"}}. The values
 * are a fixed set declared with the metric; anything else counts as {@link #OTHER}, so a
 * surprising input (a new office code, an exception message) can never grow the number of series.
 * Counters are created on first use and are safe to increment from any thread (async operators).
 */
public final class LabeledCounters {

  /** The value a label takes for anything outside its declared set. */
  public static final String OTHER = "other";

  private final MetricGroup group;
  private final String label;
  private final String name;
  private final Set<String> values;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  /**
   * @param group the operator's metric group
   * @param label the label's name (office, stage, kind, device, result)
   * @param name the counter's name
   * @param values the label's values; compared in lower case
   */
  public LabeledCounters(MetricGroup group, String label, String name, Set<String> values) {
    this.group = Objects.requireNonNull(group, "group");
    this.label = Objects.requireNonNull(label, "label");
    this.name = Objects.requireNonNull(name, "name");
    this.values = Set.copyOf(values);
  }

  /** The counter of {@code value}, or of {@link #OTHER} when the value is not one declared. */
  public Counter of(String value) {
    String v = value == null ? OTHER : value.toLowerCase(Locale.ROOT);
    String key = values.contains(v) ? v : OTHER;
    return counters.computeIfAbsent(key, k -> group.addGroup(label, k).counter(name, new ThreadSafeSimpleCounter()));
  }

  public void inc(String value) {
    of(value).inc();
  }

  public void inc(String value, long n) {
    of(value).inc(n);
  }
}
