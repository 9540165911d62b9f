package io.patent2tech.udfs.eval.retrieve;

import java.util.Locale;

/** Which evaluation legal passages are retrieved for; each maps to a legal corpus topic. */
public enum Purpose {
  NOVELTY("novelty"),
  INVENTIVE_STEP("inventive_step");

  private final String topic;

  Purpose(String topic) {
    this.topic = topic;
  }

  /** The corpus topic, e.g. {@code inventive_step}. */
  public String topic() {
    return topic;
  }

  /** {@code novelty} or {@code inventive-step} (also {@code inventive_step}), any case. */
  public static Purpose of(String name) {
    String normalized = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    for (Purpose purpose : values()) {
      if (purpose.topic.equals(normalized)) {
        return purpose;
      }
    }
    throw new IllegalArgumentException("purpose must be novelty or inventive-step, got '" + name + "'");
  }
}
