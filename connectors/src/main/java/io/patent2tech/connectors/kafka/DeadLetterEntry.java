package io.patent2tech.connectors.kafka;

/**
 * A dead letter as the landing job keeps it: the fields of the Avro {@code DeadLetter} an operator
 * searches by, and where the record sits in Kafka, without the raw bytes (they stay in the record;
 * {@link #rawCarried} says whether it has them). A Flink POJO; the fields are those of the
 * {@code dead-letters} index (infra/elasticsearch/templates/dead-letters-template.json).
 */
public class DeadLetterEntry {

  public String dlqTopic;
  public int dlqPartition;
  public long dlqOffset;
  public long time;
  public String source;
  public String stage;
  public String reason;
  public String errorClass;
  public String sourceFile;
  public String entry;
  public Long position;
  public Long offset;
  public String publicationKey;
  public Long rawSize;
  public String rawPointer;
  public boolean rawCarried;

  public DeadLetterEntry() {}

  /** topic-partition-offset: the document id, the same each time the record is landed. */
  public String id() {
    return id(dlqTopic, dlqPartition, dlqOffset);
  }

  public static String id(String topic, int partition, long offset) {
    return topic + "-" + partition + "-" + offset;
  }
}
