package io.patent2tech.jobs.console;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricGroup;

/**
 * The operator counters of the jobs this JVM runs on its local MiniCluster, as {@link
 * OperatorMetricsReporter} hands them over; read by the console while the job runs and after it
 * ended. The metric objects are kept after Flink unregisters them (tasks finishing), so the
 * counts of a finished job are its final counts. After a restart only the newest attempt of each
 * subtask counts, as Flink's own restarted counters start from zero.
 */
public final class OperatorMetrics {

  private static final String JOB_ID = "<job_id>";
  private static final String OPERATOR = "<operator_name>";
  private static final String SUBTASK = "<subtask_index>";
  private static final String ATTEMPT = "<task_attempt_num>";

  private record Subtask(String operator, String subtask) {}

  private record Attempt(int number, Map<String, Metric> metrics) {}

  /** job id -> subtask of an operator -> its newest attempt's metrics */
  private static final Map<String, Map<Subtask, Attempt>> JOBS = new ConcurrentHashMap<>();

  private OperatorMetrics() {}

  /** Keeps a counter or gauge of an operator; other metrics and groups are ignored. */
  static void add(Metric metric, String name, MetricGroup group) {
    if (!(metric instanceof Counter) && !(metric instanceof Gauge)) {
      return;
    }
    Map<String, String> variables = group.getAllVariables();
    String job = variables.get(JOB_ID);
    String operator = variables.get(OPERATOR);
    if (job == null || operator == null) {
      return;
    }
    int attempt = parseInt(variables.get(ATTEMPT));
    Map<Subtask, Attempt> subtasks = JOBS.computeIfAbsent(job, j -> new ConcurrentHashMap<>());
    subtasks.compute(new Subtask(operator, variables.getOrDefault(SUBTASK, "0")), (key, known) -> {
      Attempt current = known == null || known.number < attempt
          ? new Attempt(attempt, new ConcurrentHashMap<>())
          : known;
      if (current.number == attempt) {
        current.metrics.put(name, metric);
      }
      return current;
    });
  }

  /** The counts of job {@code jobId} now; {@link JobCounts#NONE} before its tasks started. */
  public static JobCounts of(String jobId) {
    Map<Subtask, Attempt> subtasks = JOBS.get(jobId);
    if (subtasks == null) {
      return JobCounts.NONE;
    }
    Map<String, Map<String, Long>> sums = new HashMap<>();
    subtasks.forEach((subtask, attempt) -> attempt.metrics.forEach((name, metric) -> {
      Long value = value(metric);
      if (value != null) {
        sums.computeIfAbsent(subtask.operator, o -> new HashMap<>()).merge(name, value, Long::sum);
      }
    }));
    return new JobCounts(sums);
  }

  /** Lets go of the metrics of a job whose counts were reported. */
  public static void forget(String jobId) {
    JOBS.remove(jobId);
  }

  private static Long value(Metric metric) {
    if (metric instanceof Counter counter) {
      return counter.getCount();
    }
    Object v = ((Gauge<?>) metric).getValue();
    // gauges that do not know yet answer NaN or a negative number (the Kafka source's lag)
    if (v instanceof Number n && !Double.isNaN(n.doubleValue()) && n.doubleValue() >= 0) {
      return n.longValue();
    }
    return null;
  }

  private static int parseInt(String s) {
    try {
      return s == null ? 0 : Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
