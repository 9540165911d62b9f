package io.patent2tech.connectors.kipris;

import io.patent2tech.connectors.collect.CollectWindow;
import io.patent2tech.connectors.collect.FetchedDocument;
import io.patent2tech.connectors.collect.OfficeCollector;
import io.patent2tech.connectors.collect.RunStats;
import io.patent2tech.connectors.collect.http.OfficeHttp;
import java.io.IOException;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects Korean patents and utility models from KIPRIS Plus: searches the window once per date
 * field (publication, registration), all pages, then fetches the bibliography detail of each hit.
 * The application numbers of the whole window are gathered first and sorted, so the order does
 * not depend on the order KIPRIS pages its hits in (which is not documented as stable), {@code
 * skip} costs no detail request, and a patent found by both date fields is fetched once.
 *
 * <p>The window's filter, when set, is a comma-separated list of date fields ({@code openDate},
 * {@code registerDate}, ...) replacing the configured ones.
 */
public final class KiprisCollector implements OfficeCollector {

  private static final Logger LOG = LoggerFactory.getLogger(KiprisCollector.class);

  /** No window has this many pages; a guard against a server that never reports an end. */
  private static final int MAX_PAGES = 10_000;

  private final KiprisCollectorFactory config;
  private final HttpClient http;

  public KiprisCollector(KiprisCollectorFactory config) {
    this(config, OfficeHttp.newClient(config.http));
  }

  KiprisCollector(KiprisCollectorFactory config, HttpClient http) {
    this.config = Objects.requireNonNull(config, "config");
    this.http = Objects.requireNonNull(http, "http");
  }

  @Override
  public Cursor open(CollectWindow window, long skip) {
    if (skip < 0) {
      throw new IllegalArgumentException("skip must not be negative: " + skip);
    }
    return new WindowCursor(window, skip);
  }

  @Override
  public void close() {}

  private final class WindowCursor implements Cursor {

    private final CollectWindow window;
    private final long skip;
    private final RunStats stats = new RunStats();
    private KiprisClient client;
    private List<String> hits;
    private int next;

    WindowCursor(CollectWindow window, long skip) {
      this.window = window;
      this.skip = skip;
    }

    @Override
    public FetchedDocument next() throws IOException, InterruptedException {
      if (hits == null) {
        hits = search();
        next = (int) Math.min(skip, hits.size());
      }
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("collection of " + window + " interrupted");
      }
      if (next >= hits.size()) {
        return null;
      }
      int position = next++;
      String applicationNumber = hits.get(position);
      KiprisClient.Detail detail = client.detail(applicationNumber);
      FetchedDocument d = new FetchedDocument();
      d.office = KiprisCollectorFactory.OFFICE;
      d.format = FetchedDocument.FORMAT_KIPRIS;
      d.request = detail.request();
      d.file = "kipris:" + applicationNumber;
      d.position = position;
      d.withPart("detail", detail.body());
      d.error = detail.error();
      if (d.error != null) {
        LOG.warn("KIPRIS detail of {} unusable: {}", applicationNumber, d.error);
      }
      synchronized (stats) {
        stats.fetched++;
      }
      return d;
    }

    private List<String> search() throws IOException, InterruptedException {
      String key = config.serviceKey.resolve();
      OfficeHttp office = new OfficeHttp(http, config.http, stats, KiprisClient.redactor(key),
          KiprisCollectorFactory.OFFICE);
      client = new KiprisClient(office, config, key);
      TreeSet<String> numbers = new TreeSet<>();
      for (String field : dateFields()) {
        long total = -1;
        int seen = 0;
        for (int page = 1; page <= MAX_PAGES; page++) {
          KiprisClient.SearchPage result = client.search(field, window.from, window.to, page);
          total = result.totalCount();
          numbers.addAll(result.applicationNumbers());
          seen += result.applicationNumbers().size();
          boolean lastByCount = total >= 0 && (long) page * config.numOfRows >= total;
          if (result.applicationNumbers().isEmpty() || lastByCount
              || (total < 0 && result.applicationNumbers().size() < config.numOfRows)) {
            break;
          }
        }
        LOG.info("KIPRIS window {} by {}: {} hit(s) reported, {} read", window, field, total, seen);
      }
      synchronized (stats) {
        stats.listed = numbers.size();
      }
      return new ArrayList<>(numbers);
    }

    private List<String> dateFields() {
      if (window.filter == null) {
        return config.dateFields;
      }
      return Arrays.stream(window.filter.split(",")).map(String::strip).filter(s -> !s.isEmpty())
          .toList();
    }

    @Override
    public RunStats stats() {
      return stats;
    }

    @Override
    public void close() {}
  }
}
