package io.patent2tech.connectors.llm;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link TokenBucket} per {@link LlmSettings} in this JVM: every client built from equal
 * settings (the novelty, inventive-step and analysis calls of every parallel subtask in one task
 * manager) shares it, so the limit holds for the provider, not per operator instance. Across task
 * managers the limits add up: divide the provider's limit by their number.
 */
final class RateLimiters {

  private static final Map<LlmSettings, TokenBucket> BUCKETS = new ConcurrentHashMap<>();

  private RateLimiters() {}

  static TokenBucket forSettings(LlmSettings settings) {
    return BUCKETS.computeIfAbsent(
        settings, s -> new TokenBucket(s.requestsPerSecond(), Math.max(1, s.requestsPerSecond())));
  }
}
