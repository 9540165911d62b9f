package io.patent2tech.connectors.collect.source.reader;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.flink.connector.base.source.reader.RecordsBySplits;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.patent2tech.connectors.collect.CollectRecord;
import io.patent2tech.connectors.collect.FetchedDocument;
import io.patent2tech.connectors.collect.OfficeCollector;
import io.patent2tech.connectors.collect.RunEvent;
import io.patent2tech.connectors.collect.RunStats;
import io.patent2tech.connectors.collect.source.split.WindowSplit;

/**
 * Fetches the runs assigned to this reader, one at a time, in the fetcher thread (blocking HTTP and
 * throttling waits belong here, not in the task thread). Each call hands over a small batch of
 * documents so progress and checkpoints keep flowing during a long run. A run emits its start,
 * then its documents (skipping those emitted before a restore), then its end or its failure.
 */
public final class CollectSplitReader implements SplitReader<CollectRecord, WindowSplit> {

  private static final Logger LOG = LoggerFactory.getLogger(CollectSplitReader.class);

  /** Largest batch handed over per fetch, and the longest a fetch keeps collecting. */
  static final int MAX_BATCH = 50;
  static final long MAX_BATCH_MILLIS = 500;
  /** Longest idle wait for a retry that is not due yet, so wake-ups are seen. */
  static final long MAX_IDLE_MILLIS = 1_000;

  private final Map<String, OfficeCollector.Factory> factories;
  private final Map<String, OfficeCollector> collectors = new HashMap<>();
  private final Deque<WindowSplit> queue = new ArrayDeque<>();
  private final Clock clock;
  private final Object idle = new Object();
  private boolean wokenUp;

  private WindowSplit current;
  private OfficeCollector.Cursor cursor;

  public CollectSplitReader(Map<String, OfficeCollector.Factory> factories, Clock clock) {
    this.factories = factories;
    this.clock = clock;
  }

  @Override
  public RecordsWithSplitIds<CollectRecord> fetch() throws IOException {
    RecordsBySplits.Builder<CollectRecord> batch = new RecordsBySplits.Builder<>();
    if (current == null && !startNextDueRun(batch)) {
      waitForDueRun();
      return batch.build();
    }
    long deadline = clock.millis() + MAX_BATCH_MILLIS;
    try {
      for (int n = 0; n < MAX_BATCH && clock.millis() < deadline; n++) {
        FetchedDocument doc = cursor.next();
        if (doc == null) {
          endRun(batch, null);
          break;
        }
        doc.collectionRun = current.runId;
        batch.add(current.runId, CollectRecord.of(doc));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("collection interrupted", e);
    } catch (IOException | RuntimeException e) {
      // the office refused (bad key, quota), retries are spent or the collector broke: this run
      // fails and is retried later; the job goes on
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      LOG.warn("collect: run {} failed: {}", current.runId, why);
      endRun(batch, why);
    }
    return batch.build();
  }

  private boolean startNextDueRun(RecordsBySplits.Builder<CollectRecord> batch) throws IOException {
    long now = clock.millis();
    for (Iterator<WindowSplit> it = queue.iterator(); it.hasNext(); ) {
      WindowSplit split = it.next();
      if (split.notBeforeMillis > now) {
        continue;
      }
      it.remove();
      current = split;
      OfficeCollector collector = collectors.computeIfAbsent(split.window.office, this::createCollector);
      if (!split.started) {
        batch.add(split.runId, CollectRecord.of(event(split, RunEvent.STARTED, null, null)));
      }
      LOG.info("collect: run {} {} (after {} documents)", split.runId,
          split.emitted > 0 ? "resumes" : "starts", split.emitted);
      try {
        cursor = collector.open(split.window, split.emitted);
      } catch (IOException | RuntimeException e) {
        endRun(batch, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
      }
      return true;
    }
    return false;
  }

  private OfficeCollector createCollector(String office) {
    OfficeCollector.Factory f = factories.get(office);
    if (f == null) {
      throw new IllegalStateException("no collector for office " + office + "; configured: " + factories.keySet());
    }
    return f.create();
  }

  private void endRun(RecordsBySplits.Builder<CollectRecord> batch, String error) {
    RunStats stats = cursor == null ? new RunStats() : cursor.stats();
    RunEvent end = event(current, error == null ? RunEvent.FINISHED : RunEvent.FAILED, stats, error);
    batch.add(current.runId, CollectRecord.of(end));
    batch.addFinishedSplit(current.runId);
    LOG.info("collect: run {} {}: listed {}, fetched {}, {} requests, {} bytes, waited {} ms for the office's pacing",
        current.runId, error == null ? "finished" : "failed", end.listed, end.fetched, end.requests, end.bytes,
        end.throttledMillis);
    closeCursor();
    current = null;
  }

  private static RunEvent event(WindowSplit split, String phase, RunStats stats, String error) {
    RunEvent e = new RunEvent();
    e.runId = split.runId;
    e.office = split.window.office;
    e.query = split.window.filter;
    e.windowFrom = split.window.from.toString();
    e.windowTo = split.window.to.toString();
    e.attempt = split.attempt;
    e.phase = phase;
    e.timeMillis = System.currentTimeMillis();
    e.error = error;
    if (stats != null) {
      synchronized (stats) {
        e.listed = stats.listed;
        // a resumed run's cursor counts from where it resumed; the documents before were fetched too
        e.fetched = split.emitted + stats.fetched;
        e.requests = stats.requests;
        e.bytes = stats.bytes;
        e.throttledMillis = stats.throttledMillis;
      }
      Map<String, String> quota = stats.quotaSnapshot();
      e.quota = quota.isEmpty() ? null : quota.entrySet().stream()
          .map(q -> q.getKey() + ": " + q.getValue()).collect(Collectors.joining("\n"));
    }
    return e;
  }

  private void waitForDueRun() {
    long now = clock.millis();
    long next = queue.stream().mapToLong(s -> s.notBeforeMillis).min().orElse(now + MAX_IDLE_MILLIS);
    long wait = Math.max(1, Math.min(MAX_IDLE_MILLIS, next - now));
    synchronized (idle) {
      if (!wokenUp) {
        try {
          idle.wait(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      wokenUp = false;
    }
  }

  @Override
  public void handleSplitsChanges(SplitsChange<WindowSplit> change) {
    if (!(change instanceof SplitsAddition)) {
      throw new UnsupportedOperationException("unsupported split change " + change.getClass().getSimpleName());
    }
    queue.addAll(change.splits());
  }

  @Override
  public void wakeUp() {
    synchronized (idle) {
      wokenUp = true;
      idle.notifyAll();
    }
  }

  private void closeCursor() {
    if (cursor != null) {
      try {
        cursor.close();
      } catch (IOException e) {
        LOG.debug("closing a collection cursor failed", e);
      }
      cursor = null;
    }
  }

  @Override
  public void close() throws Exception {
    closeCursor();
    for (OfficeCollector c : collectors.values()) {
      c.close();
    }
    collectors.clear();
  }
}
