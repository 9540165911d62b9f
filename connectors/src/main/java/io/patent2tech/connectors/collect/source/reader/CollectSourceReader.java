package io.patent2tech.connectors.collect.source.reader;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.source.reader.SingleThreadMultiplexSourceReaderBase;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.patent2tech.connectors.collect.CollectRecord;
import io.patent2tech.connectors.collect.source.split.WindowSplit;

/**
 * Runs the collection runs assigned to it, one after another, in one fetcher thread ({@link
 * CollectSplitReader}). A run that failed (the office refused, retries spent) is given back to
 * itself as the next attempt after the retry delay, resuming after the documents already emitted;
 * this happens in the reader thread together with the end of the failed run, so no checkpoint can
 * see the window lost in between.
 */
public final class CollectSourceReader
    extends SingleThreadMultiplexSourceReaderBase<CollectRecord, CollectRecord, WindowSplit, WindowSplitState> {

  private static final Logger LOG = LoggerFactory.getLogger(CollectSourceReader.class);

  private final Duration retryDelay;
  private final int maxAttempts;
  private final Clock clock;

  public CollectSourceReader(Supplier<SplitReader<CollectRecord, WindowSplit>> splitReaders,
      Configuration config, SourceReaderContext context, Duration retryDelay, int maxAttempts, Clock clock) {
    super(splitReaders, new CollectRecordEmitter(), config, context);
    this.retryDelay = retryDelay;
    this.maxAttempts = maxAttempts;
    this.clock = clock;
  }

  @Override
  protected void onSplitFinished(Map<String, WindowSplitState> finished) {
    for (WindowSplitState s : finished.values()) {
      if (!s.failed) {
        continue;
      }
      if (s.split.attempt >= maxAttempts) {
        LOG.warn("collect: run {} failed on attempt {} of {}; giving up on window {} (collect it again "
            + "with --from/--to)", s.split.runId, s.split.attempt, maxAttempts, s.split.window);
        continue;
      }
      WindowSplit retry = s.toSplit().retry(clock.millis() + retryDelay.toMillis());
      LOG.info("collect: run {} failed; retrying as {} in {}", s.split.runId, retry.runId, retryDelay);
      addSplits(List.of(retry));
    }
  }

  @Override
  protected WindowSplitState initializedState(WindowSplit split) {
    return new WindowSplitState(split);
  }

  @Override
  protected WindowSplit toSplitType(String splitId, WindowSplitState state) {
    return state.toSplit();
  }
}
