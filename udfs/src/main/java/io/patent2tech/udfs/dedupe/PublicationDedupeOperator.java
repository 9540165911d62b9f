package io.patent2tech.udfs.dedupe;

import org.apache.flink.api.common.TaskInfo;
import org.apache.flink.runtime.state.KeyGroupRange;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.patent2tech.schema.Patent;

/**
 * Runs {@link PublicationDedupe} and, when the job starts without state (no checkpoint or savepoint
 * to restore), first fills its keyed state with what is already published, so a new job over inputs
 * that earlier jobs published publishes nothing again.
 *
 * <p>The bootstrap runs in {@link #open()}, before the operator gets its first element, so no live
 * document can overtake it. Each subtask reads every published record and keeps the keys of its own
 * key groups, writing them into the same keyed state (with the same TTL) as live documents: nothing
 * is held on the heap beside it, and it works with the RocksDB backend. A job restored from a
 * checkpoint or savepoint has that state already and skips the read.
 */
public class PublicationDedupeOperator extends KeyedProcessOperator<String, Patent, Patent> {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(PublicationDedupeOperator.class);

  private final PublishedPatents.Factory published;
  private transient boolean restored;

  /** @param published what earlier jobs published; {@code null} starts an empty dedupe */
  public PublicationDedupeOperator(PublicationDedupe dedupe, PublishedPatents.Factory published) {
    super(dedupe);
    this.published = published;
  }

  @Override
  public void initializeState(StateInitializationContext context) throws Exception {
    super.initializeState(context);
    restored = context.isRestored();
  }

  @Override
  public void open() throws Exception {
    super.open();
    if (published == null || restored) {
      return;
    }
    long start = System.nanoTime();
    TaskInfo task = getRuntimeContext().getTaskInfo();
    int maxParallelism = task.getMaxNumberOfParallelSubtasks();
    KeyGroupRange keyGroups = KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(
        maxParallelism, task.getNumberOfParallelSubtasks(), task.getIndexOfThisSubtask());
    PublicationDedupe dedupe = (PublicationDedupe) userFunction;
    long[] kept = {0};
    long read;
    try (PublishedPatents records = published.open()) {
      read = records.forEach((key, contentHash, version) -> {
        if (keyGroups.contains(KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism))) {
          setCurrentKey(key);
          if (dedupe.remember(contentHash, version)) {
            kept[0]++;
          }
        }
      });
    }
    LOG.info("dedupe subtask {}: started without state; learned {} published versions of its keys "
            + "from {} ({} records read) in {} ms",
        task.getIndexOfThisSubtask(), kept[0], published.describe(), read,
        (System.nanoTime() - start) / 1_000_000);
  }
}
