package io.patent2tech.connectors.epo;

import io.patent2tech.connectors.collect.CollectWindow;
import io.patent2tech.connectors.collect.CollectionFailedException;
import io.patent2tech.connectors.collect.FetchedDocument;
import io.patent2tech.connectors.collect.OfficeCollector;
import io.patent2tech.connectors.collect.RunStats;
import io.patent2tech.connectors.epo.ops.OpsClient;
import io.patent2tech.connectors.epo.ops.OpsResponse;
import io.patent2tech.connectors.epo.ops.OpsSettings;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

/**
 * One window's documents, in a stable order: sub-windows in date order (see {@link
 * SearchWindowPlanner}), within each the order OPS returns for {@code Range} pages of {@code
 * pageSize}. A resumed cursor ({@code skip} > 0) starts at the page holding document {@code skip}
 * and drops the ones before it without fetching their full text.
 */
final class EpoWindowCursor implements OfficeCollector.Cursor {

  private static final Logger LOG = LoggerFactory.getLogger(EpoWindowCursor.class);
  static final String OFFICE = "EPO";

  private final OpsClient client;
  private final OpsSettings settings;
  private final CollectWindow window;
  private final String filter;
  private final long skip;
  private final RunStats stats = new RunStats();
  private final Deque<Element> pending = new ArrayDeque<>();

  private List<SearchWindowPlanner.Slice> slices;
  private int sliceIndex;
  private int nextBegin = 1;
  private int dropInPage;
  private String pageRequest;
  private long position;
  private boolean closed;

  EpoWindowCursor(OpsClient client, OpsSettings settings, CollectWindow window, long skip) {
    this.client = client;
    this.settings = settings;
    this.window = window;
    this.filter = window.filter != null ? window.filter : settings.defaultFilter();
    this.skip = Math.max(0, skip);
    this.position = this.skip;
  }

  @Override
  public FetchedDocument next() throws IOException, InterruptedException {
    if (closed) {
      return null;
    }
    if (slices == null) {
      plan();
    }
    while (pending.isEmpty()) {
      if (sliceIndex >= slices.size()) {
        return null;
      }
      SearchWindowPlanner.Slice slice = slices.get(sliceIndex);
      if (nextBegin > slice.reachable()) {
        sliceIndex++;
        nextBegin = 1;
        continue;
      }
      int end = Math.min(nextBegin + settings.pageSize() - 1, slice.reachable());
      List<Element> docs = page(slice, nextBegin, end);
      nextBegin = end + 1;
      int drop = Math.min(dropInPage, docs.size());
      dropInPage = 0;
      pending.addAll(docs.subList(drop, docs.size()));
    }
    return document(pending.poll());
  }

  @Override
  public RunStats stats() {
    return stats;
  }

  @Override
  public void close() {
    closed = true;
    pending.clear();
  }

  private void plan() throws IOException, InterruptedException {
    SearchWindowPlanner planner = new SearchWindowPlanner(this::count, settings.maxResultsPerQuery(), filter);
    slices = planner.plan(window.from, window.to);
    long total = 0;
    List<String> truncated = new ArrayList<>();
    for (SearchWindowPlanner.Slice s : slices) {
      total += s.total();
      if (s.truncated()) {
        truncated.add(s.from() + " (" + s.total() + " hits, first " + s.reachable() + " taken)");
      }
    }
    synchronized (stats) {
      stats.listed = total;
    }
    if (!truncated.isEmpty()) {
      stats.quota("epo-ops-truncated-days", String.join(", ", truncated));
    }
    // resume: whole slices first, then whole pages, then documents within the page
    long remaining = skip;
    while (sliceIndex < slices.size() && remaining >= slices.get(sliceIndex).reachable()) {
      remaining -= slices.get(sliceIndex).reachable();
      sliceIndex++;
    }
    int page = settings.pageSize();
    nextBegin = (int) (remaining / page) * page + 1;
    dropInPage = (int) (remaining % page);
    LOG.info("EPO OPS window {}: {} hits in {} sub-window(s); starting at document {}", window.id(), total,
        slices.size(), skip);
  }

  private long count(String cql) throws IOException, InterruptedException {
    OpsResponse r = client.search(cql, 1, 1, stats);
    if (r.notFound()) {
      return 0; // OPS says "no results" with a 404
    }
    try {
      return OpsXml.totalCount(OpsXml.parse(r.body()));
    } catch (OpsXml.MalformedException first) {
      r = client.search(cql, 1, 1, stats);
      try {
        return r.notFound() ? 0 : OpsXml.totalCount(OpsXml.parse(r.body()));
      } catch (OpsXml.MalformedException e) {
        throw new CollectionFailedException("EPO OPS count for " + cql + " is malformed twice: " + e.getMessage());
      }
    }
  }

  private List<Element> page(SearchWindowPlanner.Slice slice, int begin, int end)
      throws IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      OpsResponse r = client.searchBiblio(slice.cql(), begin, end, stats);
      pageRequest = r.request();
      if (r.notFound()) {
        return List.of();
      }
      try {
        return OpsXml.exchangeDocuments(OpsXml.parse(r.body()));
      } catch (OpsXml.MalformedException e) {
        if (attempt >= 2) {
          throw new CollectionFailedException("EPO OPS search page " + r.request() + " is malformed twice: "
              + e.getMessage());
        }
        LOG.warn("EPO OPS search page {} is malformed ({}); asking again", r.request(), e.getMessage());
      }
    }
  }

  private FetchedDocument document(Element el) throws IOException, InterruptedException {
    String country = el.getAttribute("country").strip().toUpperCase(Locale.ROOT);
    String number = el.getAttribute("doc-number").strip();
    String kind = el.getAttribute("kind").strip();
    FetchedDocument doc = new FetchedDocument();
    doc.office = OFFICE;
    doc.format = FetchedDocument.FORMAT_EPO_OPS;
    doc.position = position++;
    doc.file = "epo-ops:" + country + "." + number + "." + kind;
    doc.withPart("biblio", OpsXml.standalone(el));
    List<String> requests = new ArrayList<>();
    requests.add(pageRequest);
    List<String> errors = new ArrayList<>();
    boolean identified = country.matches("[A-Z]{2}") && number.matches("[A-Za-z0-9]+") && kind.matches("[A-Za-z0-9]+");
    if (!identified) {
      errors.add("exchange-document without a usable country/doc-number/kind");
    } else if (settings.fetchFulltext() && settings.fulltextCountries().contains(country)) {
      for (String constituent : List.of("claims", "description")) {
        OpsResponse r = client.fulltext(country, number, kind, constituent, stats);
        requests.add(r.request());
        if (r.ok()) {
          doc.withPart(constituent, r.body());
          if (!OpsXml.wellFormed(r.body())) {
            errors.add(constituent + " response is malformed or truncated (" + r.body().length + " bytes)");
          }
        }
      }
    }
    doc.request = requests.stream().collect(Collectors.joining("; "));
    doc.error = errors.isEmpty() ? null : String.join("; ", errors);
    synchronized (stats) {
      stats.fetched++;
    }
    return doc;
  }
}
