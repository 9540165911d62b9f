package io.patent2tech.connectors.collect.source.enumerator;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.patent2tech.connectors.collect.CollectWindow;
import io.patent2tech.connectors.collect.OfficeSchedule;
import io.patent2tech.connectors.collect.source.split.WindowSplit;

/**
 * Discovers the collection work: on each office's schedule it turns the days since the office's
 * high-water mark into runs (windows of at most the office's maximum length) and assigns them to
 * readers. It does no network I/O itself; the readers fetch.
 *
 * <p>All runs of one office go to the same reader (office index modulo parallelism), so an office's
 * requests are made one after another by one client and its quota pacing holds however many
 * readers there are, while different offices are collected in parallel.
 *
 * <p>The high-water mark advances when a run is created, like Flink's file source remembers the
 * files it handed out: from then on the run is in the enumerator's state (unassigned) or in a
 * reader's (in progress, with its progress), so a restore neither repeats nor loses it.
 */
public final class CollectEnumerator implements SplitEnumerator<WindowSplit, CollectEnumState> {

  private static final Logger LOG = LoggerFactory.getLogger(CollectEnumerator.class);

  private final SplitEnumeratorContext<WindowSplit> context;
  private final List<OfficeSchedule> schedules;
  private final LocalDate boundedFrom;
  private final LocalDate boundedTo;
  private final long tickMillis;
  private final Clock clock;
  /** Office -> day ranges finished by earlier jobs (collection_runs): never collected again. */
  private final Map<String, List<LocalDate[]>> collected;

  private final Map<String, LocalDate> highWaterMarks;
  private final Map<String, Long> lastRuns;
  private final List<WindowSplit> unassigned;
  private boolean boundedWindowsCreated;

  public CollectEnumerator(SplitEnumeratorContext<WindowSplit> context, List<OfficeSchedule> schedules,
      LocalDate boundedFrom, LocalDate boundedTo, long tickMillis, Clock clock,
      Map<String, List<LocalDate[]>> collected, CollectEnumState state) {
    this.context = context;
    this.schedules = List.copyOf(schedules);
    this.boundedFrom = boundedFrom;
    this.boundedTo = boundedTo;
    this.tickMillis = tickMillis;
    this.clock = clock;
    this.collected = collected;
    this.highWaterMarks = new LinkedHashMap<>(state.highWaterMarks);
    this.lastRuns = new LinkedHashMap<>(state.lastRuns);
    this.unassigned = new ArrayList<>(state.unassigned);
    this.boundedWindowsCreated = state.boundedWindowsCreated;
  }

  private boolean bounded() {
    return boundedFrom != null;
  }

  @Override
  public void start() {
    if (bounded()) {
      if (!boundedWindowsCreated) {
        long now = clock.millis();
        for (OfficeSchedule s : schedules) {
          createRuns(s, boundedFrom, boundedTo, now);
        }
        boundedWindowsCreated = true;
      }
      assignPending();
      return;
    }
    context.callAsync(() -> null, (ignored, error) -> tick(), 0L, tickMillis);
  }

  /** Creates the runs that are due; called periodically in the coordinator thread. */
  void tick() {
    Instant now = clock.instant();
    for (OfficeSchedule s : schedules) {
      Long last = lastRuns.get(s.office);
      // a job without a previous run collects at once (then on schedule): a new deployment catches up
      if (last != null && now.isBefore(s.nextRunAfter(Instant.ofEpochMilli(last)))) {
        continue;
      }
      lastRuns.put(s.office, now.toEpochMilli());
      LocalDate first = s.firstDayFor(now, highWaterMarks.get(s.office));
      LocalDate lastDay = s.lastDayFor(now);
      if (first.isAfter(lastDay)) {
        LOG.info("collect {}: nothing new to collect (collected up to {})", s.office, highWaterMarks.get(s.office));
        continue;
      }
      createRuns(s, first, lastDay, now.toEpochMilli());
      highWaterMarks.put(s.office, lastDay);
    }
    assignPending();
  }

  private void createRuns(OfficeSchedule s, LocalDate from, LocalDate to, long nowMillis) {
    for (LocalDate[] gap : notYetCollected(s.office, from, to)) {
      for (LocalDate start = gap[0]; !start.isAfter(gap[1]); start = start.plusDays(s.maxWindowDays)) {
        LocalDate end = start.plusDays(s.maxWindowDays - 1L);
        if (end.isAfter(gap[1])) {
          end = gap[1];
        }
        WindowSplit run = WindowSplit.newRun(new CollectWindow(s.office, start, end, s.filter), nowMillis);
        LOG.info("collect {}: new run {}", s.office, run.runId);
        unassigned.add(run);
      }
    }
  }

  /** The parts of from..to that no earlier job's finished run covers, in order. */
  List<LocalDate[]> notYetCollected(String office, LocalDate from, LocalDate to) {
    List<LocalDate[]> gaps = new ArrayList<>();
    LocalDate start = from;
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      if (isCollected(office, day)) {
        if (start.isBefore(day)) {
          gaps.add(new LocalDate[] {start, day.minusDays(1)});
        }
        start = day.plusDays(1);
      }
    }
    if (!start.isAfter(to)) {
      gaps.add(new LocalDate[] {start, to});
    }
    if (gaps.size() != 1 || !gaps.get(0)[0].equals(from) || !gaps.get(0)[1].equals(to)) {
      LOG.info("collect {}: {}..{} partly collected by earlier runs (collection_runs); collecting {}", office,
          from, to, gaps.isEmpty() ? "nothing" : gaps.stream().map(g -> g[0] + ".." + g[1]).toList());
    }
    return gaps;
  }

  private boolean isCollected(String office, LocalDate day) {
    for (LocalDate[] r : collected.getOrDefault(office, List.of())) {
      if (!day.isBefore(r[0]) && !day.isAfter(r[1])) {
        return true;
      }
    }
    return false;
  }

  private void assignPending() {
    int parallelism = context.currentParallelism();
    var readers = context.registeredReaders();
    for (Iterator<WindowSplit> it = unassigned.iterator(); it.hasNext(); ) {
      WindowSplit split = it.next();
      int reader = readerFor(split.window.office, parallelism);
      if (readers.containsKey(reader)) {
        context.assignSplit(split, reader);
        it.remove();
      }
    }
    if (bounded() && boundedWindowsCreated && unassigned.isEmpty()) {
      for (int reader : readers.keySet()) {
        context.signalNoMoreSplits(reader);
      }
    }
  }

  private int readerFor(String office, int parallelism) {
    for (int i = 0; i < schedules.size(); i++) {
      if (schedules.get(i).office.equals(office)) {
        return i % parallelism;
      }
    }
    return Math.floorMod(office.hashCode(), parallelism);
  }

  @Override
  public void handleSplitRequest(int subtaskId, String requesterHostname) {
    // runs are pushed to readers as they are created
  }

  @Override
  public void addSplitsBack(List<WindowSplit> splits, int subtaskId) {
    unassigned.addAll(splits);
    assignPending();
  }

  @Override
  public void addReader(int subtaskId) {
    assignPending();
  }

  @Override
  public CollectEnumState snapshotState(long checkpointId) {
    return new CollectEnumState(highWaterMarks, lastRuns, unassigned, boundedWindowsCreated);
  }

  @Override
  public void close() {}
}
