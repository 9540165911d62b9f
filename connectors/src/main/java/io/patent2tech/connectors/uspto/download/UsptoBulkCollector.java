package io.patent2tech.connectors.uspto.download;

import io.patent2tech.connectors.collect.CollectWindow;
import io.patent2tech.connectors.collect.FetchedDocument;
import io.patent2tech.connectors.collect.OfficeCollector;
import io.patent2tech.connectors.collect.RunStats;
import io.patent2tech.connectors.collect.http.OfficeHttp;
import io.patent2tech.connectors.collect.http.Redactor;
import io.patent2tech.connectors.uspto.RawDocument;
import io.patent2tech.connectors.uspto.UsptoBulkFileReader;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects USPTO full text from the weekly bulk files: lists the product files whose data starts
 * in the window (each weekly file thus belongs to exactly one window), downloads each with {@link
 * ResumableDownload} and cuts it into documents with {@link UsptoBulkFileReader}. Files are taken
 * by date, then name, and documents in file order, so positions are stable across runs and {@code
 * skip} can pass over what was emitted before a restart.
 *
 * <p>The window's filter, when set, is a comma-separated product list that replaces the
 * configured one (e.g. {@code PTGRXML} to collect grants only).
 */
public final class UsptoBulkCollector implements OfficeCollector {

  private static final Logger LOG = LoggerFactory.getLogger(UsptoBulkCollector.class);

  private final UsptoBulkCollectorFactory config;
  private final HttpClient http;

  public UsptoBulkCollector(UsptoBulkCollectorFactory config) {
    this(config, OfficeHttp.newClient(config.http));
  }

  UsptoBulkCollector(UsptoBulkCollectorFactory config, HttpClient http) {
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
  public void close() {
    // the JDK client holds no resources that need closing on Java 17
  }

  private final class WindowCursor implements Cursor {

    private final CollectWindow window;
    private final long skip;
    private final RunStats stats = new RunStats();

    private Redactor redactor = new Redactor();
    private BulkProductsClient client;
    private ResumableDownload download;
    private List<ProductFile> files;
    private int nextFile;
    private ProductFile current;
    private UsptoBulkFileReader reader;
    private long position;

    WindowCursor(CollectWindow window, long skip) {
      this.window = window;
      this.skip = skip;
    }

    @Override
    public FetchedDocument next() throws IOException, InterruptedException {
      if (files == null) {
        files = list();
      }
      while (true) {
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedException("collection of " + window + " interrupted");
        }
        if (reader == null) {
          if (nextFile >= files.size()) {
            return null;
          }
          current = files.get(nextFile++);
          Path path = download.fetch(current, client.downloadHeaders(), client.credentialHeaders());
          reader = new UsptoBulkFileReader(Files.newInputStream(path), path.toString(), config.maxDocumentBytes);
        }
        RawDocument raw = reader.next();
        if (raw == null) {
          reader.close();
          reader = null;
          continue;
        }
        long at = position++;
        if (at < skip) {
          continue;
        }
        synchronized (stats) {
          stats.fetched++;
        }
        return toFetched(raw, at);
      }
    }

    private List<ProductFile> list() throws IOException, InterruptedException {
      String key = config.apiKey.resolve();
      redactor = new Redactor(key);
      OfficeHttp office = new OfficeHttp(http, config.http, stats, redactor, RawDocument.OFFICE);
      client = config.api == UsptoBulkCollectorFactory.Api.ODP
          ? new OdpDatasetsClient(office, config.baseUrl, key)
          : new BdssClient(office, config.baseUrl);
      download = new ResumableDownload(office, Path.of(config.downloadDir));
      Set<ProductFile> found = new LinkedHashSet<>();
      for (String product : products()) {
        for (ProductFile f : client.list(product, window.from, window.to)) {
          if (!f.fromDate().isBefore(window.from) && !f.fromDate().isAfter(window.to)) {
            found.add(f);
          }
        }
      }
      List<ProductFile> sorted = new ArrayList<>(found);
      sorted.sort(ProductFile.ORDER);
      synchronized (stats) {
        stats.listed = sorted.size();
      }
      LOG.info("USPTO window {}: {} file(s) listed by {}", window, sorted.size(), client);
      return sorted;
    }

    private List<String> products() {
      if (window.filter == null) {
        return config.products;
      }
      return Arrays.stream(window.filter.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private FetchedDocument toFetched(RawDocument raw, long at) {
      FetchedDocument d = new FetchedDocument();
      d.office = RawDocument.OFFICE;
      d.format = FetchedDocument.FORMAT_USPTO_XML;
      d.request = redactor.redact(current.uri().toString());
      d.file = raw.file;
      d.entry = raw.entry;
      d.position = at;
      d.offset = raw.offset;
      d.withPart("xml", raw.bytes == null ? new byte[0] : raw.bytes);
      if (raw.readError != null) {
        d.error = raw.readError;
      } else if (raw.oversized) {
        d.error = "document of " + raw.size + " bytes exceeds the limit of " + config.maxDocumentBytes
            + " bytes; only its first bytes are kept";
      }
      return d;
    }

    @Override
    public RunStats stats() {
      return stats;
    }

    @Override
    public void close() throws IOException {
      if (reader != null) {
        reader.close();
        reader = null;
      }
    }
  }
}
