package io.patent2tech.jobs.upgrade;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.Collector;

import io.patent2tech.jobs.config.FlinkEnvironments;
import io.patent2tech.jobs.config.Settings;
import io.patent2tech.jobs.ingest.IngestJob;
import io.patent2tech.schema.Patent;

/**
 * The ingest job as a next build of the project might ship it, for the upgrade test in {@code
 * ClusterSubmissionIT}: the test adds this class to a copy of the shaded jar and restores, with it as
 * the entry class, a savepoint the released build took. The graph differs the way upgrades change
 * graphs: no operator is chained any more (other job vertices, other generated ids), and a new
 * stateful step counts the published versions per office. Only the operators' uids stay; they are
 * what the restore matches state by.
 */
public final class NextBuildIngest {

  private NextBuildIngest() {}

  public static void main(String[] args) throws Exception {
    Settings s = Settings.parse(IngestJob.SETTINGS, IngestJob.FLAGS, args, System.getenv());
    StreamExecutionEnvironment env = FlinkEnvironments.create(s);
    env.disableOperatorChaining();
    IngestJob.build(env, s)
        .keyBy(patent -> patent.getSource().getOffice().toString())
        .process(new PublishedPerOffice()).name("published-per-office").uid("published-per-office")
        .sinkTo(new DiscardingSink<>()).name("discard").uid("discard-published-per-office");
    env.execute("patent2tech-ingest (next build)");
  }

  /** A step with keyed state that the old savepoint does not have. */
  static final class PublishedPerOffice extends KeyedProcessFunction<String, Patent, Long> {
    private static final long serialVersionUID = 1L;
    private transient ValueState<Long> count;

    @Override
    public void open(OpenContext context) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("published", Long.class));
    }

    @Override
    public void processElement(Patent patent, Context ctx, Collector<Long> out) throws Exception {
      long next = (count.value() == null ? 0 : count.value()) + 1;
      count.update(next);
      out.collect(next);
    }
  }
}
