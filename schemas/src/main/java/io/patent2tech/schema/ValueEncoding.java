package io.patent2tech.schema;

import java.util.Arrays;

/**
 * How a topic's values are framed in front of the Avro binary record. Chosen per topic in
 * {@code infra/kafka/topics.txt} ({@code encoding=}); readers accept both by the first byte, so a
 * topic can switch without making what it holds unreadable (docs/subscribing.md).
 */
public enum ValueEncoding {
  /** Avro single-object encoding: 0xC3 0x01, the writer schema's 8-byte fingerprint, the record. */
  SINGLE_OBJECT("single-object"),
  /**
   * Confluent's wire format: magic byte 0, the writer schema's 4-byte big-endian id in the schema
   * registry, the record: what Confluent's and Apicurio's serdes, Flink's avro-confluent format and
   * kcat read.
   */
  CONFLUENT("confluent");

  private final String label;

  ValueEncoding(String label) {
    this.label = label;
  }

  /** The name used in topics.txt. */
  public String label() {
    return label;
  }

  public static ValueEncoding of(String label) {
    return Arrays.stream(values()).filter(e -> e.label.equals(label)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown value encoding '" + label + "'; expected "
            + Arrays.stream(values()).map(ValueEncoding::label).toList()));
  }
}
