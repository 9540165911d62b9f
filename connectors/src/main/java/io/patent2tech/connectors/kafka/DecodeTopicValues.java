package io.patent2tech.connectors.kafka;

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.apache.flink.util.function.SerializableSupplier;

import io.patent2tech.schema.DeadLetter;
import io.patent2tech.schema.TopicCodec;
import io.patent2tech.udfs.DeadLetters;

/**
 * Decodes topic values in either encoding ({@link TopicCodec#decode}); a value that is not a record of a known schema version goes to the
 * {@link #DEAD_LETTERS} side output with its bytes and a pointer to where it sits in Kafka.
 */
public final class DecodeTopicValues<T extends SpecificRecord> extends ProcessFunction<TopicRecord, T>
    implements ResultTypeQueryable<T> {

  private static final long serialVersionUID = 1L;

  public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("undecodable") {};

  private final Class<T> type;
  private final SerializableSupplier<TopicCodec<T>> codecFactory;
  private final String stage;
  private final String registryUrl;
  private transient TopicCodec<T> codec;
  private transient Counter undecodable;

  /**
   * @param type the record class
   * @param stage the DeadLetter stage, e.g. "landing-decode"
   * @param registryUrl the schema registry Confluent-framed values are read with (registry.url);
   *     single-object values need none
   */
  public DecodeTopicValues(Class<T> type, SerializableSupplier<TopicCodec<T>> codecFactory, String stage,
      String registryUrl) {
    this.type = type;
    this.codecFactory = codecFactory;
    this.stage = stage;
    this.registryUrl = registryUrl;
  }

  @Override
  public TypeInformation<T> getProducedType() {
    return TypeInformation.of(type); // Avro type information (flink-avro) for generated records
  }

  @Override
  public void open(OpenContext openContext) {
    codec = Topics.readerCodec(codecFactory.get(), registryUrl);
    undecodable = getRuntimeContext().getMetricGroup().counter("undecodableRecords");
  }

  @Override
  public void processElement(TopicRecord record, Context ctx, Collector<T> out) {
    if (record.value == null) {
      deadLetter(record, "empty value (tombstone) on a topic that carries only records", null, ctx);
      return;
    }
    try {
      out.collect(codec.decode(record.value));
    } catch (java.io.IOException e) {
      deadLetter(record, "cannot decode value: " + e.getMessage(), e, ctx);
    }
  }

  private void deadLetter(TopicRecord record, String reason, Exception e, Context ctx) {
    undecodable.inc();
    ctx.output(DEAD_LETTERS, DeadLetters.builder(record.topic, stage)
        .reason(reason)
        .error(e)
        .rawAt(record.value, record.pointer())
        .build());
  }
}
