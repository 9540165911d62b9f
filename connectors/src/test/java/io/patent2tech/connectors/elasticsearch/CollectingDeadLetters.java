package io.patent2tech.connectors.elasticsearch;

import io.patent2tech.connectors.DeadLetterPublisher;
import io.patent2tech.connectors.DeadLetterPublisherFactory;
import io.patent2tech.schema.DeadLetter;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Collects the dead letters of a sink running in the test's MiniCluster. The factory travels to the
 * task serialized, so the letters meet the test again in a static map under the factory's name.
 */
public final class CollectingDeadLetters implements DeadLetterPublisherFactory {

  private static final Map<String, Queue<DeadLetter>> PUBLISHED = new ConcurrentHashMap<>();

  private final String name = UUID.randomUUID().toString();

  @Override
  public DeadLetterPublisher create() {
    Queue<DeadLetter> published = PUBLISHED.computeIfAbsent(name, ignored -> new ConcurrentLinkedQueue<>());
    return new DeadLetterPublisher() {
      @Override
      public void publish(DeadLetter deadLetter) {
        published.add(deadLetter);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
  }

  public List<DeadLetter> published() {
    return List.copyOf(PUBLISHED.getOrDefault(name, new ConcurrentLinkedQueue<>()));
  }
}
