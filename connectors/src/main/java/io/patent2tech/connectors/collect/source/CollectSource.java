package io.patent2tech.connectors.collect.source;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.io.SimpleVersionedSerializer;

import io.patent2tech.connectors.collect.CollectRecord;
import io.patent2tech.connectors.collect.OfficeCollector;
import io.patent2tech.connectors.collect.OfficeSchedule;
import io.patent2tech.connectors.collect.source.enumerator.CollectEnumState;
import io.patent2tech.connectors.collect.source.enumerator.CollectEnumStateSerializer;
import io.patent2tech.connectors.collect.source.enumerator.CollectEnumerator;
import io.patent2tech.connectors.collect.source.reader.CollectSourceReader;
import io.patent2tech.connectors.collect.source.reader.CollectSplitReader;
import io.patent2tech.connectors.collect.source.split.WindowSplit;
import io.patent2tech.connectors.collect.source.split.WindowSplitSerializer;

/**
 * The collect job's source: pulls the offices' new publications on their schedules (continuous)
 * or one date range (bounded backfill). The enumerator turns schedules into runs of publication-day
 * windows ({@link WindowSplit}) and remembers in its checkpointed state how far each office is
 * collected; readers fetch each run through the office's {@link OfficeCollector} and checkpoint how
 * far into the run they are. Emits the fetched documents and each run's start and end. Built only
 * by {@link #builder()}.
 */
public final class CollectSource
    implements Source<CollectRecord, WindowSplit, CollectEnumState>, ResultTypeQueryable<CollectRecord> {

  private static final long serialVersionUID = 1L;

  private final List<OfficeSchedule> schedules;
  private final Map<String, OfficeCollector.Factory> collectors;
  private final LocalDate boundedFrom;
  private final LocalDate boundedTo;
  private final Duration tick;
  private final Duration retryDelay;
  private final int maxAttempts;
  private final Clock clock;
  private final Map<String, List<LocalDate[]>> collected;

  private CollectSource(Builder b) {
    this.schedules = List.copyOf(b.schedules);
    this.collectors = Map.copyOf(b.collectors);
    this.boundedFrom = b.from;
    this.boundedTo = b.to;
    this.tick = b.tick;
    this.retryDelay = b.retryDelay;
    // a backfill is bounded: it reports a failed run and ends instead of waiting to retry
    this.maxAttempts = b.from != null ? 1 : b.maxAttempts;
    this.clock = b.clock;
    this.collected = Map.copyOf(b.collected);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Boundedness getBoundedness() {
    return boundedFrom != null ? Boundedness.BOUNDED : Boundedness.CONTINUOUS_UNBOUNDED;
  }

  @Override
  public SourceReader<CollectRecord, WindowSplit> createReader(SourceReaderContext context) {
    Map<String, OfficeCollector.Factory> factories = collectors;
    Clock c = clock;
    return new CollectSourceReader(() -> new CollectSplitReader(factories, c), new Configuration(),
        context, retryDelay, maxAttempts, clock);
  }

  @Override
  public SplitEnumerator<WindowSplit, CollectEnumState> createEnumerator(SplitEnumeratorContext<WindowSplit> context) {
    return restoreEnumerator(context, CollectEnumState.empty());
  }

  @Override
  public SplitEnumerator<WindowSplit, CollectEnumState> restoreEnumerator(
      SplitEnumeratorContext<WindowSplit> context, CollectEnumState state) {
    return new CollectEnumerator(context, schedules, boundedFrom, boundedTo, tick.toMillis(), clock, collected, state);
  }

  @Override
  public SimpleVersionedSerializer<WindowSplit> getSplitSerializer() {
    return WindowSplitSerializer.INSTANCE;
  }

  @Override
  public SimpleVersionedSerializer<CollectEnumState> getEnumeratorCheckpointSerializer() {
    return new CollectEnumStateSerializer();
  }

  @Override
  public TypeInformation<CollectRecord> getProducedType() {
    return TypeInformation.of(CollectRecord.class);
  }

  /** Validates everything in {@link #build()}. */
  public static final class Builder {
    private final List<OfficeSchedule> schedules = new ArrayList<>();
    private final Map<String, OfficeCollector.Factory> collectors = new LinkedHashMap<>();
    private LocalDate from;
    private LocalDate to;
    private Duration tick = Duration.ofSeconds(10);
    private Duration retryDelay = Duration.ofHours(1);
    private int maxAttempts = 3;
    private Clock clock = Clock.systemUTC();
    private final Map<String, List<LocalDate[]>> collected = new LinkedHashMap<>();

    /** Collects an office on a schedule through the given collectors. */
    public Builder office(OfficeSchedule schedule, OfficeCollector.Factory collector) {
      if (!schedule.office.equals(collector.office())) {
        throw new IllegalArgumentException("schedule of " + schedule.office + " given a collector of " + collector.office());
      }
      if (collectors.containsKey(schedule.office)) {
        throw new IllegalArgumentException("office " + schedule.office + " given twice");
      }
      schedules.add(schedule);
      collectors.put(schedule.office, collector);
      return this;
    }

    /** Bounded: collects exactly the publication days from..to (inclusive) of every office, then ends. */
    public Builder bounded(LocalDate from, LocalDate to) {
      this.from = from;
      this.to = to;
      return this;
    }

    /** How often schedules are checked (continuous mode). */
    public Builder tick(Duration tick) {
      this.tick = tick;
      return this;
    }

    /** A failed run is tried again after this delay, up to {@code maxAttempts} attempts in all. */
    public Builder retries(Duration retryDelay, int maxAttempts) {
      this.retryDelay = retryDelay;
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Days an earlier job already collected for {@code office} (its finished runs in
     * collection_runs): no run is created for them again, so a new job over the same window
     * publishes nothing new and a restarted deployment continues where the last one stopped.
     */
    public Builder alreadyCollected(String office, LocalDate from, LocalDate to) {
      collected.computeIfAbsent(office, o -> new ArrayList<>()).add(new LocalDate[] {from, to});
      return this;
    }

    /** For tests. Must be serializable. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public CollectSource build() {
      if (schedules.isEmpty()) {
        throw new IllegalArgumentException("no office to collect: enable at least one office");
      }
      if ((from == null) != (to == null)) {
        throw new IllegalArgumentException("a bounded collection needs both a first and a last day");
      }
      if (from != null && to.isBefore(from)) {
        throw new IllegalArgumentException("--to " + to + " is before --from " + from);
      }
      if (tick.isZero() || tick.isNegative()) {
        throw new IllegalArgumentException("schedule check interval must be positive");
      }
      if (retryDelay.isNegative() || maxAttempts < 1) {
        throw new IllegalArgumentException("retry delay must not be negative and attempts at least 1");
      }
      return new CollectSource(this);
    }
  }
}
