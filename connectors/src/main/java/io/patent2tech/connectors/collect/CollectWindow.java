package io.patent2tech.connectors.collect;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One unit of collection: an office's publications of the days {@link #from} to {@link #to}
 * (both inclusive), optionally narrowed by the office's query filter (EPO CQL, e.g. {@code
 * cpc=H04L}; KIPRIS/USPTO: product or kind selection). Immutable.
 */
public final class CollectWindow implements Serializable {

  private static final long serialVersionUID = 1L;

  public final String office;
  public final LocalDate from;
  public final LocalDate to;
  /** Office-specific filter, or null. */
  public final String filter;

  public CollectWindow(String office, LocalDate from, LocalDate to, String filter) {
    this.office = Objects.requireNonNull(office, "office");
    this.from = Objects.requireNonNull(from, "from");
    this.to = Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("window ends before it starts: " + from + " .. " + to);
    }
    this.filter = filter == null || filter.isBlank() ? null : filter.strip();
  }

  /** Stable id, e.g. {@code EPO:2024-05-01..2024-05-07} (plus the filter when there is one). */
  public String id() {
    return office + ":" + from + ".." + to + (filter == null ? "" : ":" + filter);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CollectWindow w && w.office.equals(office) && w.from.equals(from)
        && w.to.equals(to) && Objects.equals(w.filter, filter);
  }

  @Override
  public int hashCode() {
    return Objects.hash(office, from, to, filter);
  }

  @Override
  public String toString() {
    return id();
  }
}
