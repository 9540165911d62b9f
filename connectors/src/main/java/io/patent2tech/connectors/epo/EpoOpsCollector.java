package io.patent2tech.connectors.epo;

import io.patent2tech.connectors.collect.CollectWindow;
import io.patent2tech.connectors.collect.OfficeCollector;
import io.patent2tech.connectors.epo.ops.OpsClient;
import io.patent2tech.connectors.epo.ops.OpsClock;
import io.patent2tech.connectors.epo.ops.OpsCredentials;
import io.patent2tech.connectors.epo.ops.OpsSettings;
import io.patent2tech.connectors.epo.ops.OpsThrottle;

/**
 * Collects EPO publications through OPS 3.2: per window, a search with the biblio constituent
 * (biblio and abstract of 100 documents per request) over {@code pd within "from to"} (and the
 * window's CQL filter), cut into sub-windows of at most 2,000 hits, plus claims and description
 * for EP and WO documents. Every cursor of one collector shares its client, token and throttle,
 * so parallel windows stay within the consumer's allowance together.
 */
public final class EpoOpsCollector implements OfficeCollector {

  private final OpsSettings settings;
  private final OpsClient client;

  /** A collector on the real clock. */
  public EpoOpsCollector(OpsSettings settings, OpsCredentials credentials) {
    this(settings, credentials, OpsClock.SYSTEM);
  }

  /** A collector on the given clock (tests: deterministic pacing and quota waits). */
  public EpoOpsCollector(OpsSettings settings, OpsCredentials credentials, OpsClock clock) {
    this.settings = settings.copy();
    this.client = new OpsClient(this.settings, credentials, new OpsThrottle(clock, this.settings), clock);
  }

  /** The client, for figures such as token requests and the latest allowances. */
  public OpsClient client() {
    return client;
  }

  @Override
  public Cursor open(CollectWindow window, long skip) {
    if (!EpoWindowCursor.OFFICE.equals(window.office)) {
      throw new IllegalArgumentException("not an EPO window: " + window.id());
    }
    return new EpoWindowCursor(client, settings, window, skip);
  }

  @Override
  public void close() {
    // the JDK HTTP client of Java 17 has nothing to close; idle connections time out
  }
}
