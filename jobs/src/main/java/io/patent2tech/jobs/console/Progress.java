package io.patent2tech.jobs.console;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * The progress line of a running job, e.g. {@code ingest: 3 of 14 files, 1,234 documents, 45.6
 * documents/s, ETA 0:42}, and its arithmetic. The rate is taken over the last {@link #WINDOW} of
 * samples, so it follows a job that speeds up or slows down; the ETA comes from what the sources
 * say is left (a bounded Kafka read) or, for files, from the share of files begun so far.
 */
public final class Progress {

  /** How far back the rate looks. */
  static final Duration WINDOW = Duration.ofSeconds(10);

  private record Sample(long atMillis, long records) {}

  private final String stage;
  private final String unit;
  private final Long totalFiles;
  private final long startMillis;
  private final Deque<Sample> samples = new ArrayDeque<>();

  /**
   * @param totalFiles the files a bounded ingest reads, null when not known (watching, Kafka)
   */
  public Progress(String stage, String unit, Long totalFiles, long startMillis) {
    this.stage = stage;
    this.unit = unit;
    this.totalFiles = totalFiles;
    this.startMillis = startMillis;
    samples.add(new Sample(startMillis, 0));
  }

  /**
   * The line for the counts at {@code nowMillis}.
   *
   * @param filesBegun files the job has begun reading, null before it counted any
   * @param pending records the sources have still to read, null when they do not say
   */
  public String line(long nowMillis, long records, Long filesBegun, Long pending) {
    samples.addLast(new Sample(nowMillis, records));
    while (samples.size() > 2 && samples.peekFirst().atMillis < nowMillis - WINDOW.toMillis()) {
      samples.removeFirst();
    }
    double rate = rate(samples.peekFirst().records, samples.peekFirst().atMillis, records, nowMillis);
    Duration elapsed = Duration.ofMillis(nowMillis - startMillis);

    List<String> parts = new ArrayList<>();
    Duration eta = null;
    if (totalFiles != null) {
      // no counter yet means no reader has begun a file
      long begun = filesBegun == null ? 0 : filesBegun;
      parts.add(count(begun) + " of " + count(totalFiles) + " files");
      eta = etaFromShare(elapsed, begun, totalFiles);
    }
    parts.add(count(records) + " " + unit);
    parts.add(rate(rate) + " " + unit + "/s");
    if (pending != null) {
      parts.add(count(pending) + " to go");
      eta = etaFromRate(pending, rate);
    }
    if (eta != null) {
      parts.add("ETA " + duration(eta));
    }
    return stage + ": " + String.join(", ", parts);
  }

  /** Records per second between two samples; 0 when no time passed. */
  static double rate(long fromRecords, long fromMillis, long toRecords, long toMillis) {
    long millis = toMillis - fromMillis;
    return millis <= 0 ? 0 : (toRecords - fromRecords) * 1000.0 / millis;
  }

  /** Time to read {@code remaining} records at {@code perSecond}; null while nothing moves. */
  static Duration etaFromRate(long remaining, double perSecond) {
    if (remaining <= 0) {
      return Duration.ZERO;
    }
    return perSecond <= 0 ? null : Duration.ofMillis(Math.round(remaining * 1000 / perSecond));
  }

  /**
   * Time left if the rest goes as fast as the share done so far: {@code done} of {@code total}
   * took {@code elapsed}. Null before anything is done.
   */
  static Duration etaFromShare(Duration elapsed, long done, long total) {
    if (done <= 0) {
      return null;
    }
    if (done >= total) {
      return Duration.ZERO;
    }
    return Duration.ofMillis(Math.round(elapsed.toMillis() * (double) (total - done) / done));
  }

  /** 1,234,567 */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** One decimal below 100 (4.5, 45.6), whole numbers above (1,234). */
  static String rate(double perSecond) {
    return perSecond < 100
        ? String.format(Locale.ROOT, "%.1f", perSecond)
        : String.format(Locale.ROOT, "%,d", Math.round(perSecond));
  }

  /** m:ss below an hour (0:42, 12:05), h:mm:ss above (1:02:03). */
  static String duration(Duration d) {
    long seconds = (d.toMillis() + 500) / 1000;
    long h = seconds / 3600;
    long m = seconds % 3600 / 60;
    long s = seconds % 60;
    return h > 0
        ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s)
        : String.format(Locale.ROOT, "%d:%02d", m, s);
  }

  /** {@code 12.3 s} below a minute, else as {@link #duration}. */
  static String took(Duration d) {
    return d.toMillis() < 60_000
        ? String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0)
        : duration(d);
  }
}
