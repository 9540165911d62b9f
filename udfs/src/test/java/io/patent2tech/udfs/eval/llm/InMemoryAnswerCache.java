package io.patent2tech.udfs.eval.llm;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The answer cache in memory; {@link #failing} makes every call fail as an unreachable database would. */
final class InMemoryAnswerCache implements AnswerCache {

  final Map<String, Entry> entries = new ConcurrentHashMap<>();
  volatile boolean failing;
  volatile boolean closed;

  /** A factory that hands out this one cache (the test harness runs in this JVM). */
  AnswerCache.Factory factory() {
    InMemoryAnswerCache self = this;
    return new AnswerCache.Factory() {
      private static final long serialVersionUID = 1L;

      @Override
      public AnswerCache open() {
        return self;
      }
    };
  }

  @Override
  public Optional<Entry> get(String task, String model, String promptVersion, String contentHash) {
    if (failing) {
      throw new IllegalStateException("connection refused");
    }
    return Optional.ofNullable(entries.get(key(task, model, promptVersion, contentHash)));
  }

  @Override
  public void put(String task, String model, String promptVersion, String contentHash, Entry entry) {
    if (failing) {
      throw new IllegalStateException("connection refused");
    }
    entries.putIfAbsent(key(task, model, promptVersion, contentHash), entry);
  }

  static String key(String task, String model, String promptVersion, String contentHash) {
    return task + "|" + model + "|" + promptVersion + "|" + contentHash;
  }

  @Override
  public void close() {
    closed = true;
  }
}
