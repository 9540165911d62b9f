package io.patent2tech.connectors.collect;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A collector for source tests: each publication day of a window holds {@code perDay} documents
 * named {@code OFFICE-yyyy-MM-dd-N}; windows that contain a day in {@code failingDays} fail with
 * {@link CollectionFailedException} after their first document. Every open is recorded (static,
 * since the factory is serialized into the job).
 */
public final class InMemoryCollector implements OfficeCollector {

  /** "office window skip" of every open, across all instances in this JVM. */
  public static final Set<String> OPENS = Collections.newSetFromMap(new ConcurrentHashMap<>());

  private final String office;
  private final int perDay;
  private final Set<LocalDate> failingDays;

  InMemoryCollector(String office, int perDay, Set<LocalDate> failingDays) {
    this.office = office;
    this.perDay = perDay;
    this.failingDays = failingDays;
  }

  public static Factory factory(String office, int perDay, Set<LocalDate> failingDays) {
    return new Factory() {
      private static final long serialVersionUID = 1L;

      @Override
      public String office() {
        return office;
      }

      @Override
      public OfficeCollector create() {
        return new InMemoryCollector(office, perDay, failingDays);
      }
    };
  }

  @Override
  public Cursor open(CollectWindow window, long skip) {
    OPENS.add(office + " " + window + " " + skip);
    long total = (window.to.toEpochDay() - window.from.toEpochDay() + 1) * perDay;
    boolean fails = failingDays.stream().anyMatch(d -> !d.isBefore(window.from) && !d.isAfter(window.to));
    RunStats stats = new RunStats();
    stats.listed = total;
    return new Cursor() {
      long next = skip;

      @Override
      public FetchedDocument next() throws CollectionFailedException {
        if (fails && next >= 1) {
          throw new CollectionFailedException("office said no (test)");
        }
        if (next >= total) {
          return null;
        }
        LocalDate day = window.from.plusDays(next / perDay);
        FetchedDocument d = new FetchedDocument();
        d.office = office;
        d.format = "test";
        d.file = office + "-" + day + "-" + (next % perDay);
        d.position = next;
        d.withPart("xml", d.file.getBytes(StandardCharsets.UTF_8));
        next++;
        stats.fetched++;
        return d;
      }

      @Override
      public RunStats stats() {
        return stats;
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public void close() {}
}
