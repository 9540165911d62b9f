package io.patent2tech.connectors.collect.source.enumerator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.patent2tech.connectors.collect.source.split.WindowSplit;

/**
 * The enumerator's checkpointed state, small by design: per office the high-water mark (the last
 * publication day handed out) and the time of its last scheduled run, plus the runs created but not
 * yet assigned to a reader. Runs in progress live in the readers' state.
 */
public final class CollectEnumState {

  /** Office -> last publication day handed to a reader. */
  public final Map<String, LocalDate> highWaterMarks;
  /** Office -> epoch ms of the last scheduled trigger. */
  public final Map<String, Long> lastRuns;
  public final List<WindowSplit> unassigned;
  /** Bounded mode: whether the requested windows were already created. */
  public final boolean boundedWindowsCreated;

  public CollectEnumState(Map<String, LocalDate> highWaterMarks, Map<String, Long> lastRuns,
      List<WindowSplit> unassigned, boolean boundedWindowsCreated) {
    this.highWaterMarks = new LinkedHashMap<>(highWaterMarks);
    this.lastRuns = new LinkedHashMap<>(lastRuns);
    this.unassigned = new ArrayList<>(unassigned);
    this.boundedWindowsCreated = boundedWindowsCreated;
  }

  public static CollectEnumState empty() {
    return new CollectEnumState(Map.of(), Map.of(), List.of(), false);
  }
}
