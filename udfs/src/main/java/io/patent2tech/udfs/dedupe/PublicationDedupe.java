package io.patent2tech.udfs.dedupe;

import io.patent2tech.udfs.StateTtl;
import java.time.Duration;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import io.patent2tech.schema.Patent;

/**
 * Dedupe levels 1 and 2 of docs/design.md section 4, keyed by publication key.
 *
 * <ol>
 *   <li>same key and same content hash: dropped (a replayed or re-delivered document);</li>
 *   <li>same key and a new content hash: passed on as the next version (a correction or re-issued
 *       file), so downstream upserts replace the older content.</li>
 * </ol>
 *
 * <p>The state per key is one small {@link SeenContent}; it expires after {@code ttl} without a
 * write, which bounds the state to the keys seen within that window. A job that starts without
 * state learns what earlier jobs published through {@link PublicationDedupeOperator}. A document arriving after its
 * key expired is treated as new (version 1); the landing sinks compare content hashes themselves, so
 * that costs a no-op upsert, never a wrong row.
 */
public class PublicationDedupe extends KeyedProcessFunction<String, Patent, Patent> {

  private static final long serialVersionUID = 1L;

  private final Duration ttl;

  private transient ValueState<SeenContent> seen;
  private transient Counter firstSeen;
  private transient Counter newVersions;
  private transient Counter duplicates;

  public PublicationDedupe(Duration ttl) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("dedupe TTL must be positive, got " + ttl);
    }
    this.ttl = ttl;
  }

  @Override
  public void open(OpenContext openContext) {
    ValueStateDescriptor<SeenContent> descriptor =
        new ValueStateDescriptor<>("seen-content", SeenContent.class);
    descriptor.enableTimeToLive(StateTtl.afterLastWrite(ttl));
    seen = getRuntimeContext().getState(descriptor);
    firstSeen = getRuntimeContext().getMetricGroup().counter("dedupeFirstSeen");
    newVersions = getRuntimeContext().getMetricGroup().counter("dedupeNewVersions");
    duplicates = getRuntimeContext().getMetricGroup().counter("dedupeDuplicatesDropped");
  }

  @Override
  public void processElement(Patent patent, Context ctx, Collector<Patent> out) throws Exception {
    SeenContent previous = seen.value();
    String hash = patent.getContentHash();
    if (previous == null) {
      firstSeen.inc();
      seen.update(new SeenContent(hash, 1));
      patent.setVersion(1);
      out.collect(patent);
    } else if (previous.contentHash.equals(hash)) {
      duplicates.inc();
    } else {
      newVersions.inc();
      int version = previous.version + 1;
      seen.update(new SeenContent(hash, version));
      patent.setVersion(version);
      out.collect(patent);
    }
  }

  /**
   * Remembers that version {@code version} with {@code contentHash} of the current key was
   * published (by an earlier job), unless a later version is remembered already; called by {@link
   * PublicationDedupeOperator} with the key set, before the first element.
   *
   * @return whether the state changed
   */
  boolean remember(String contentHash, int version) throws Exception {
    SeenContent previous = seen.value();
    if (previous != null && previous.version > version) {
      return false;
    }
    seen.update(new SeenContent(contentHash, version));
    return true;
  }

  /** What the dedupe remembers per publication key. A Flink POJO. */
  public static class SeenContent {
    public String contentHash;
    public int version;

    public SeenContent() {}

    public SeenContent(String contentHash, int version) {
      this.contentHash = contentHash;
      this.version = version;
    }
  }
}
