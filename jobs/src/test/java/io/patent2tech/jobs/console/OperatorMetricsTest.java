package io.patent2tech.jobs.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OperatorMetricsTest {

  private static final String JOB = "0123456789abcdef0123456789abcdef";

  /** The scope variables Flink gives an operator's metric group. */
  private static UnregisteredMetricsGroup operator(String name, int subtask, int attempt) {
    return new UnregisteredMetricsGroup() {
      @Override
      public Map<String, String> getAllVariables() {
        return Map.of("<job_id>", JOB, "<operator_name>", name,
            "<subtask_index>", String.valueOf(subtask), "<task_attempt_num>", String.valueOf(attempt));
      }
    };
  }

  private static SimpleCounter counter(long count) {
    SimpleCounter c = new SimpleCounter();
    c.inc(count);
    return c;
  }

  @AfterEach
  void forgetTheJob() {
    OperatorMetrics.forget(JOB);
  }

  @Test
  void countsOfSubtasksAddUp() {
    OperatorMetrics.add(counter(3), "numRecordsOut", operator("dedupe", 0, 0));
    OperatorMetrics.add(counter(4), "numRecordsOut", operator("dedupe", 1, 0));
    assertThat(OperatorMetrics.of(JOB).of("dedupe", "numRecordsOut")).isEqualTo(7);
  }

  @Test
  void countersAreReadWhenAskedSoTheyFollowTheRunningJob() {
    SimpleCounter parsed = counter(1);
    OperatorMetrics.add(parsed, "documentsParsed", operator("parse-normalize-validate", 0, 0));
    parsed.inc(9);
    assertThat(OperatorMetrics.of(JOB).metric("documentsParsed")).isEqualTo(10);
  }

  @Test
  void afterARestartOnlyTheNewAttemptCounts() {
    OperatorMetrics.add(counter(5), "numRecordsOut", operator("dedupe", 0, 0));
    OperatorMetrics.add(counter(2), "numRecordsOut", operator("dedupe", 0, 1));
    // a late registration of the old attempt changes nothing
    OperatorMetrics.add(counter(8), "numRecordsIn", operator("dedupe", 0, 0));
    JobCounts counts = OperatorMetrics.of(JOB);
    assertThat(counts.of("dedupe", "numRecordsOut")).isEqualTo(2);
    assertThat(counts.of("dedupe", "numRecordsIn")).isNull();
  }

  @Test
  void gaugesThatDoNotKnowYetAreLeftOut() {
    OperatorMetrics.add((Gauge<Double>) () -> Double.NaN, "pendingRecords",
        operator("Source: patents.normalized", 0, 0));
    OperatorMetrics.add((Gauge<Long>) () -> 40L, "pendingRecords",
        operator("Source: patents.normalized", 1, 0));
    assertThat(OperatorMetrics.of(JOB).pendingRecords()).isEqualTo(40);
  }

  @Test
  void aForgottenJobHasNoCounts() {
    OperatorMetrics.add(counter(5), "numRecordsOut", operator("dedupe", 0, 0));
    OperatorMetrics.forget(JOB);
    assertThat(OperatorMetrics.of(JOB).of("dedupe", "numRecordsOut")).isNull();
  }
}
