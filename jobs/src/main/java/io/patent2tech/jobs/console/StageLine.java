package io.patent2tech.jobs.console;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The line a command prints when its job ended, like {@code ingest: parsed 10, rejected 3,
 * duplicates 10, published 10}: named counts read from the job's operator metrics, and the
 * unit its progress line counts the records its sources read in ({@code documents}, {@code
 * patents}).
 */
public record StageLine(String stage, String unit, List<Count> counts) {

  /** How Flink names the writer operator of a sink. */
  private static final String WRITER = ": Writer";

  /** One named count; an optional one is left out while it is zero. */
  public record Count(String label, Value value, boolean optional) {}

  /** A number read from the counts; null when the job has not reported it (yet). */
  @FunctionalInterface
  public interface Value extends Function<JobCounts, Long> {

    default Value plus(Value other) {
      return c -> combine(apply(c), other.apply(c), 1);
    }

    default Value minus(Value other) {
      return c -> combine(apply(c), other.apply(c), -1);
    }

    private static Long combine(Long a, Long b, int sign) {
      return a == null || b == null ? null : a + sign * b;
    }
  }

  public static Count count(String label, Value value) {
    return new Count(label, value, false);
  }

  public static Count ifAny(String label, Value value) {
    return new Count(label, value, true);
  }

  /** A metric of whichever operator declares it ({@code documentsParsed}). */
  public static Value metric(String name) {
    return c -> c.metric(name);
  }

  /** The metric {@code name} of the sink named {@code sink}'s writer. */
  public static Value sinkMetric(String sink, String name) {
    return c -> c.of(sink + WRITER, name);
  }

  /** The metric {@code name} of the operator named {@code operator}, where several declare it. */
  public static Value metricOf(String operator, String name) {
    return c -> c.of(operator, name);
  }

  /** Records that went into the operator named {@code operator} in the job's wiring. */
  public static Value in(String operator) {
    return c -> c.of(operator, JobCounts.RECORDS_IN);
  }

  /** Records that the operator named {@code operator} emitted. */
  public static Value out(String operator) {
    return c -> c.of(operator, JobCounts.RECORDS_OUT);
  }

  /** Records handed to the sink named {@code sink} ({@code .sinkTo(...).name(sink)}). */
  public static Value sunk(String sink) {
    return in(sink + WRITER);
  }

  public static Value sourceRecords() {
    return JobCounts::sourceRecords;
  }

  /** {@code stage: label value, label value, ...}; a count the job never reported reads "?". */
  public String format(JobCounts c) {
    List<String> parts = new ArrayList<>();
    for (Count count : counts) {
      Long v = count.value.apply(c);
      if (count.optional && (v == null || v == 0)) {
        continue;
      }
      parts.add(count.label + " " + (v == null ? "?" : Progress.count(v)));
    }
    return stage + ": " + String.join(", ", parts);
  }
}
