package io.patent2tech.udfs.dedupe;

import static io.patent2tech.udfs.dedupe.PublicationDedupeTest.patent;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

import io.patent2tech.schema.Patent;

class PublicationDedupeOperatorTest {

  /** An in-memory list of published records; counts how often it was opened. */
  static final class PublishedList implements PublishedPatents.Factory {
    private static final long serialVersionUID = 1L;
    static int opened;
    private final List<String[]> records = new ArrayList<>();

    PublishedList add(String key, String hash, int version) {
      records.add(new String[] {key, hash, String.valueOf(version)});
      return this;
    }

    @Override
    public PublishedPatents open() {
      opened++;
      return new PublishedPatents() {
        @Override
        public long forEach(Visitor visitor) throws Exception {
          for (String[] r : records) {
            visitor.published(r[0], r[1], Integer.parseInt(r[2]));
          }
          return records.size();
        }

        @Override
        public void close() {}
      };
    }

    @Override
    public String describe() {
      return "a list";
    }
  }

  @Test
  void aJobStartingWithoutStatePublishesNothingThatIsPublished() throws Exception {
    PublishedList published = new PublishedList()
        .add("US-1-B1", "h1", 1)
        .add("US-2-B1", "h1", 1).add("US-2-B1", "h2", 2); // a key published in two versions
    try (var harness = harness(published, 1, 0)) {
      harness.open();
      harness.processElement(patent("US-1-B1", "h1"), 1); // published: dropped
      harness.processElement(patent("US-2-B1", "h2"), 2); // its latest version: dropped
      harness.processElement(patent("US-2-B1", "h1"), 3); // changed back: version 3
      harness.processElement(patent("US-3-B1", "h1"), 4); // new: version 1
      assertThat(emitted(harness)).containsExactly("US-2-B1 h1 v3", "US-3-B1 h1 v1");
    }
  }

  @Test
  void eachSubtaskLearnsTheKeysOfItsKeyGroupsAndTogetherAllOfThem() throws Exception {
    PublishedList published = new PublishedList();
    List<String> keys = IntStream.range(0, 200).mapToObj(i -> "US-" + i + "-B1").toList();
    keys.forEach(k -> published.add(k, "h", 1));
    List<String> passed = new ArrayList<>();
    for (int subtask = 0; subtask < 3; subtask++) {
      try (var harness = harness(published, 3, subtask)) {
        harness.open();
        for (String key : keys) {
          if (ownsKey(harness, key)) {
            harness.processElement(patent(key, "h"), 1);   // published: dropped
            harness.processElement(patent(key, "h2"), 2);  // new content: passed as version 2
          }
        }
        passed.addAll(emitted(harness));
      }
    }
    assertThat(passed).hasSize(keys.size()).allMatch(s -> s.endsWith(" h2 v2"));
  }

  @Test
  void aRestoredJobKeepsItsStateAndDoesNotReadThePublishedRecordsAgain() throws Exception {
    OperatorSubtaskState snapshot;
    try (var harness = harness(null, 1, 0)) {
      harness.open();
      harness.processElement(patent("US-1-B1", "h1"), 1);
      snapshot = harness.snapshot(1L, 10L);
    }
    PublishedList.opened = 0;
    PublishedList published = new PublishedList().add("US-9-B1", "h1", 1);
    try (var restored = harness(published, 1, 0)) {
      restored.initializeState(snapshot);
      restored.open();
      restored.processElement(patent("US-1-B1", "h1"), 2); // in the restored state: dropped
      restored.processElement(patent("US-9-B1", "h1"), 3); // not learned: passed
      assertThat(emitted(restored)).containsExactly("US-9-B1 h1 v1");
    }
    assertThat(PublishedList.opened).isZero();
  }

  @Test
  void withoutPublishedRecordsItIsThePlainDedupe() throws Exception {
    try (var harness = harness(null, 1, 0)) {
      harness.open();
      harness.processElement(patent("US-1-B1", "h1"), 1);
      harness.processElement(patent("US-1-B1", "h1"), 2);
      assertThat(emitted(harness)).containsExactly("US-1-B1 h1 v1");
    }
  }

  private static boolean ownsKey(KeyedOneInputStreamOperatorTestHarness<String, Patent, Patent> h, String key) {
    int group = org.apache.flink.runtime.state.KeyGroupRangeAssignment.assignToKeyGroup(key, MAX_PARALLELISM);
    return org.apache.flink.runtime.state.KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(
        MAX_PARALLELISM, h.getEnvironment().getTaskInfo().getNumberOfParallelSubtasks(),
        h.getEnvironment().getTaskInfo().getIndexOfThisSubtask()).contains(group);
  }

  private static final int MAX_PARALLELISM = 128;

  private static KeyedOneInputStreamOperatorTestHarness<String, Patent, Patent> harness(
      PublishedPatents.Factory published, int parallelism, int subtask) throws Exception {
    return new KeyedOneInputStreamOperatorTestHarness<>(
        new PublicationDedupeOperator(new PublicationDedupe(Duration.ofDays(1)), published),
        Patent::getPublicationKey, Types.STRING, MAX_PARALLELISM, parallelism, subtask);
  }

  private static List<String> emitted(KeyedOneInputStreamOperatorTestHarness<String, Patent, Patent> h) {
    return h.extractOutputValues().stream()
        .map(p -> p.getPublicationKey() + " " + p.getContentHash() + " v" + p.getVersion())
        .collect(Collectors.toList());
  }
}
