package io.patent2tech.jobs;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.flink.api.common.functions.MapFunction;

import io.patent2tech.schema.Patent;

/**
 * A map for exactly-once tests: throws the first time it sees {@code key} in this JVM (the
 * MiniCluster's), passes everything else. A test resets {@link #failed} before it builds its job
 * and asserts it afterwards; tests run one after the other, so one flag serves them all.
 */
public final class FailOnce implements MapFunction<Patent, Patent> {

  private static final long serialVersionUID = 1L;

  public static final AtomicBoolean failed = new AtomicBoolean();

  private final String key;

  public FailOnce(String key) {
    this.key = key;
  }

  @Override
  public Patent map(Patent p) {
    if (p.getPublicationKey().equals(key) && failed.compareAndSet(false, true)) {
      throw new IllegalStateException("injected failure at " + key);
    }
    return p;
  }
}
