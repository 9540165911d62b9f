package io.patent2tech.udfs.links.family;

import java.util.ArrayList;
import java.util.List;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.metrics.groups.InternalOperatorMetricGroup;
import org.apache.flink.runtime.metrics.groups.UnregisteredMetricGroups;
import org.apache.flink.runtime.metrics.util.InterceptingOperatorMetricGroup;
import org.apache.flink.runtime.operators.testutils.MockEnvironment;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

import io.patent2tech.schema.Patent;
import io.patent2tech.schema.PatentLink;

/**
 * The keyed half of {@link FamilyLinks#links} on Flink's operator test harnesses: {@link
 * SharedIdentifiers} -> {@link FamilyGroups} (keyed by group) -> {@link DistinctLinks} (keyed by
 * link), one subtask each, with real keyed state that can be snapshot and restored, and the
 * groups operator's metrics readable.
 */
final class Level3Harness implements AutoCloseable {

  private final FamilyLinkSettings settings;
  private final InterceptingOperatorMetricGroup groupMetrics = new InterceptingOperatorMetricGroup();
  private final KeyedOneInputStreamOperatorTestHarness<String, Membership, PatentLink> groups;
  private final KeyedOneInputStreamOperatorTestHarness<String, PatentLink, PatentLink> distinct;
  private int groupOutputRead;
  private int distinctOutputRead;

  Level3Harness(FamilyLinkSettings settings) throws Exception {
    this(settings, null, null);
  }

  private Level3Harness(FamilyLinkSettings settings, OperatorSubtaskState groupState,
      OperatorSubtaskState distinctState) throws Exception {
    this.settings = settings;
    MockEnvironment environment = new MockEnvironmentBuilder()
        .setMetricGroup(new UnregisteredMetricGroups.UnregisteredTaskMetricGroup() {
          @Override
          public InternalOperatorMetricGroup getOrAddOperator(OperatorID id, String name) {
            return groupMetrics;
          }
        })
        .build();
    groups = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new FamilyGroups(settings)),
        m -> m.group, Types.STRING, environment);
    distinct = new KeyedOneInputStreamOperatorTestHarness<>(
        new KeyedProcessOperator<>(new DistinctLinks(settings.stateTtl())), FamilyLinks::key, Types.STRING);
    if (groupState != null) {
      groups.initializeState(groupState);
      distinct.initializeState(distinctState);
    }
    groups.open();
    distinct.open();
  }

  /** The links {@code patent} adds, in the order they are made. */
  List<PatentLink> add(Patent patent) throws Exception {
    for (Membership m : SharedIdentifiers.of(patent)) {
      groups.processElement(m, 0L);
    }
    List<PatentLink> made = groups.extractOutputValues();
    for (PatentLink link : made.subList(groupOutputRead, made.size())) {
      distinct.processElement(link, 0L);
    }
    groupOutputRead = made.size();
    List<PatentLink> passed = distinct.extractOutputValues();
    List<PatentLink> added = new ArrayList<>(passed.subList(distinctOutputRead, passed.size()));
    distinctOutputRead = passed.size();
    return added;
  }

  /** Every link passed on so far, described as {@code from -> to kind strength}. */
  List<String> all() {
    return distinct.extractOutputValues().stream().map(LinkPatents::describe).toList();
  }

  long capped() {
    Counter c = (Counter) groupMetrics.get(FamilyGroups.CAPPED_METRIC);
    return c == null ? 0 : c.getCount();
  }

  /** Lets processing time pass, for the operators and for the state's TTL. */
  void advanceTime(long millis) throws Exception {
    groups.setProcessingTime(millis);
    distinct.setProcessingTime(millis);
    groups.setStateTtlProcessingTime(millis);
    distinct.setStateTtlProcessingTime(millis);
  }

  /** A new pair of operators restored from a snapshot of this one's state, as after a restart. */
  Level3Harness restarted() throws Exception {
    OperatorSubtaskState g = groups.snapshot(1L, 1L);
    OperatorSubtaskState d = distinct.snapshot(1L, 1L);
    close();
    return new Level3Harness(settings, g, d);
  }

  @Override
  public void close() throws Exception {
    groups.close();
    distinct.close();
  }
}
