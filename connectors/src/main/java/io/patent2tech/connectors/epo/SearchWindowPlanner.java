package io.patent2tech.connectors.epo;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts a publication-date window into sub-windows that OPS can page through completely: OPS
 * answers at most 2,000 results of one query (Range begin <= 2000), so a window with more hits is
 * halved by date, recursively, until every part holds at most {@code maxResults}. A single day
 * that still holds more cannot be split further by date (and no other query dimension partitions
 * a day's publications reliably), so only its first {@code maxResults} documents are reachable:
 * the slice says so ({@link Slice#truncated()}), and the collector logs and records it.
 */
final class SearchWindowPlanner {

  private static final Logger LOG = LoggerFactory.getLogger(SearchWindowPlanner.class);
  private static final DateTimeFormatter CQL_DATE = DateTimeFormatter.BASIC_ISO_DATE;

  /** Counts the hits of a CQL query. */
  interface Counter {
    long count(String cql) throws IOException, InterruptedException;
  }

  /** A sub-window, its query, its hit count and how many of them OPS lets us page through. */
  record Slice(LocalDate from, LocalDate to, String cql, long total, int reachable) {
    boolean truncated() {
      return total > reachable;
    }
  }

  private final Counter counter;
  private final int maxResults;
  private final String filter;

  SearchWindowPlanner(Counter counter, int maxResults, String filter) {
    this.counter = counter;
    this.maxResults = maxResults;
    this.filter = filter;
  }

  /** The CQL of a date range: {@code pd within "YYYYMMDD YYYYMMDD"} plus {@code and (filter)}. */
  String cql(LocalDate from, LocalDate to) {
    String dates = "pd within \"" + CQL_DATE.format(from) + " " + CQL_DATE.format(to) + "\"";
    return filter == null ? dates : dates + " and (" + filter + ")";
  }

  /** The slices of {@code from..to} in date order; empty ones are dropped. */
  List<Slice> plan(LocalDate from, LocalDate to) throws IOException, InterruptedException {
    List<Slice> out = new ArrayList<>();
    plan(from, to, out);
    return out;
  }

  private void plan(LocalDate from, LocalDate to, List<Slice> out) throws IOException, InterruptedException {
    String cql = cql(from, to);
    long total = counter.count(cql);
    if (total <= 0) {
      return;
    }
    if (total <= maxResults) {
      out.add(new Slice(from, to, cql, total, (int) total));
      return;
    }
    long days = ChronoUnit.DAYS.between(from, to);
    if (days == 0) {
      LOG.warn("EPO OPS: {} holds {} publications, more than the {} one query can reach; "
          + "only the first {} are collected", from, total, maxResults, maxResults);
      out.add(new Slice(from, to, cql, total, maxResults));
      return;
    }
    LocalDate mid = from.plusDays(days / 2);
    plan(from, mid, out);
    plan(mid.plusDays(1), to, out);
  }
}
