package io.patent2tech.connectors.collect;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;

/**
 * When and what one office is collected: the schedule ({@code daily 02:00 Asia/Seoul} or {@code
 * every 6 h}), the look-back of a first run, an optional backfill start, the query filter and the
 * largest window one run covers. Immutable and serializable (it travels inside the source).
 *
 * <p>Windows are whole publication days, inclusive, in the office's time zone. A run due at time T
 * collects from the day after the office's high-water mark (on a first run: the backfill start, or
 * T's date minus the look-back) up to the day before T: a publication day is collected once, after
 * it is over, and never fetched again (docs/sources.md, "Schedules").
 */
public final class OfficeSchedule implements Serializable {

  private static final long serialVersionUID = 1L;

  public final String office;
  /** Null for an interval schedule. */
  public final LocalTime dailyAt;
  /** Null for a daily schedule. */
  public final Duration every;
  public final ZoneId zone;
  public final int lookbackDays;
  /** First day of a first run, or null (then today minus the look-back). */
  public final LocalDate backfillFrom;
  public final String filter;
  /** Longest window of one run; a longer catch-up becomes several runs. */
  public final int maxWindowDays;

  public OfficeSchedule(String office, String schedule, ZoneId zone, int lookbackDays,
      LocalDate backfillFrom, String filter, int maxWindowDays) {
    this.office = Objects.requireNonNull(office, "office");
    this.zone = zone == null ? ZoneId.of("UTC") : zone;
    String s = schedule == null ? "" : schedule.strip().toLowerCase(Locale.ROOT);
    if (s.startsWith("daily")) {
      String rest = schedule.strip().substring(5).strip();
      try {
        this.dailyAt = LocalTime.parse(rest.isEmpty() ? "02:00" : rest);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(office + " schedule '" + schedule
            + "': expected 'daily HH:MM' or 'every DURATION' (e.g. 'daily 02:00', 'every 6 h')");
      }
      this.every = null;
    } else if (s.startsWith("every")) {
      this.every = Durations.parse(schedule.strip().substring(5).strip());
      if (every.isZero() || every.isNegative()) {
        throw new IllegalArgumentException(office + " schedule '" + schedule + "': interval must be positive");
      }
      this.dailyAt = null;
    } else {
      throw new IllegalArgumentException(office + " schedule '" + schedule
          + "': expected 'daily HH:MM' or 'every DURATION' (e.g. 'daily 02:00', 'every 6 h')");
    }
    if (lookbackDays < 1) {
      throw new IllegalArgumentException(office + " look-back must be at least 1 day, got " + lookbackDays);
    }
    if (maxWindowDays < 1) {
      throw new IllegalArgumentException(office + " max window must be at least 1 day, got " + maxWindowDays);
    }
    this.lookbackDays = lookbackDays;
    this.backfillFrom = backfillFrom;
    this.filter = filter == null || filter.isBlank() ? null : filter.strip();
    this.maxWindowDays = maxWindowDays;
  }

  /** The first time after {@code last} that a run is due (for a daily schedule: the next HH:MM in the zone). */
  public Instant nextRunAfter(Instant last) {
    if (every != null) {
      return last.plus(every);
    }
    ZonedDateTime t = last.atZone(zone);
    ZonedDateTime candidate = t.toLocalDate().atTime(dailyAt).atZone(zone);
    if (!candidate.toInstant().isAfter(last)) {
      candidate = t.toLocalDate().plusDays(1).atTime(dailyAt).atZone(zone);
    }
    return candidate.toInstant();
  }

  /** The last publication day a run at {@code runTime} collects: the day before, in the office's zone. */
  public LocalDate lastDayFor(Instant runTime) {
    return runTime.atZone(zone).toLocalDate().minusDays(1);
  }

  /**
   * The first day a run at {@code runTime} collects, given the high-water mark (last collected
   * day, null before the first run).
   */
  public LocalDate firstDayFor(Instant runTime, LocalDate highWaterMark) {
    if (highWaterMark != null) {
      return highWaterMark.plusDays(1);
    }
    if (backfillFrom != null) {
      return backfillFrom;
    }
    return runTime.atZone(zone).toLocalDate().minusDays(lookbackDays);
  }

  @Override
  public String toString() {
    return office + " " + (every != null ? "every " + every : "daily " + dailyAt + " " + zone)
        + ", look-back " + lookbackDays + " d" + (backfillFrom != null ? ", backfill from " + backfillFrom : "")
        + (filter != null ? ", filter " + filter : "") + ", at most " + maxWindowDays + " d per run";
  }

  /** "10 s", "6 h", "PT6H", "30 min", "1 d". */
  static final class Durations {
    private Durations() {}

    static Duration parse(String text) {
      String t = text.strip().toLowerCase(Locale.ROOT);
      if (t.startsWith("pt") || t.startsWith("p")) {
        return Duration.parse(t.toUpperCase(Locale.ROOT));
      }
      int i = 0;
      while (i < t.length() && Character.isDigit(t.charAt(i))) {
        i++;
      }
      if (i == 0) {
        throw new IllegalArgumentException("not a duration: '" + text + "' (e.g. '10 s', '6 h', '1 d')");
      }
      long n = Long.parseLong(t.substring(0, i));
      String unit = t.substring(i).strip();
      return switch (unit) {
        case "ms" -> Duration.ofMillis(n);
        case "s", "sec", "second", "seconds" -> Duration.ofSeconds(n);
        case "m", "min", "minute", "minutes" -> Duration.ofMinutes(n);
        case "h", "hour", "hours" -> Duration.ofHours(n);
        case "d", "day", "days" -> Duration.ofDays(n);
        default -> throw new IllegalArgumentException("unknown duration unit in '" + text + "' (ms, s, min, h, d)");
      };
    }
  }
}
