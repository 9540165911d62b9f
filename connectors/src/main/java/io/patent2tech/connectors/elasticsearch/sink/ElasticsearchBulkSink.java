package io.patent2tech.connectors.elasticsearch.sink;

import io.patent2tech.connectors.DeadLetterPublisherFactory;
import io.patent2tech.connectors.elasticsearch.ElasticsearchSettings;
import io.patent2tech.connectors.elasticsearch.document.CollectionRunDocuments;
import io.patent2tech.connectors.elasticsearch.document.DeadLetterDocuments;
import io.patent2tech.connectors.elasticsearch.document.DocumentMapper;
import io.patent2tech.connectors.elasticsearch.document.EnrichmentDocuments;
import io.patent2tech.connectors.elasticsearch.document.LinkDocuments;
import io.patent2tech.connectors.elasticsearch.document.ModelDocuments;
import io.patent2tech.connectors.elasticsearch.document.PatentDocuments;
import io.patent2tech.connectors.kafka.DeadLetterEntry;
import io.patent2tech.connectors.kafka.Topics;
import io.patent2tech.connectors.postgres.CollectionRunRow;
import io.patent2tech.schema.EnrichedPatent;
import io.patent2tech.schema.Patent;
import io.patent2tech.udfs.links.DocumentLinks;
import io.patent2tech.udfs.models3d.ModelSummary;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.operators.MailboxExecutor;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.SupportsWriterState;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;

/**
 * Writes a stream to Elasticsearch with the bulk API, as partial-document upserts
 * ({@code update} with {@code doc_as_upsert}) keyed by a deterministic {@code _id}.
 *
 * <p>Delivery: every writer sends what it buffered when Flink flushes it before a checkpoint, so
 * usually a completed checkpoint means the documents are in Elasticsearch. When Elasticsearch
 * pushes back (429, or it cannot be reached), the writer waits on a timer rather than on the task
 * thread, and what it has not stored yet is its checkpointed state ({@link BulkWriterState}): a
 * checkpoint or a cancellation does not wait for Elasticsearch, and a restored writer sends those
 * documents first. After a failure Flink replays from the last checkpoint; because upserts of the
 * same content are no-ops ({@code detect_noop}) the replay changes nothing. Documents Elasticsearch
 * refuses (e.g. a value the mapping cannot take) go to the dead-letter publisher and the job goes on.
 *
 * <pre>{@code
 * ElasticsearchBulkSink.<Patent>builder(settings)
 *     .mapper(PatentDocuments.mapper())
 *     .deadLetters(deadLetterFactory)
 *     .build();
 * }</pre>
 *
 * @param <T> the stream element type
 */
public final class ElasticsearchBulkSink<T> implements Sink<T>, SupportsWriterState<T, BulkWriterState> {

  private static final long serialVersionUID = 1L;

  /** The topic {@link #forLinks} reads from, named in its dead letters. */
  public static final String LINKS_DEAD_LETTER_SOURCE = "patents.links";

  /** The topic {@link #forModels} reads from, named in its dead letters. */
  public static final String MODELS_DEAD_LETTER_SOURCE = "patents.models3d";

  /** The topic {@link #forEnrichments} reads from, named in its dead letters. */
  public static final String ENRICHED_DEAD_LETTER_SOURCE = "patents.enriched";

  /** What {@link #forCollectionRuns} writes, named in its dead letters. */
  public static final String COLLECTION_RUNS_DEAD_LETTER_SOURCE = "collection_runs";

  private final ElasticsearchSettings settings;
  private final DocumentMapper<T> mapper;
  private final DeadLetterPublisherFactory deadLetters;
  private final String deadLetterSource;
  private final long flushIntervalMs;
  private final int maxDeadLetterRawBytes;

  private ElasticsearchBulkSink(Builder<T> builder) {
    this.settings = builder.settings;
    this.mapper = builder.mapper;
    this.deadLetters = builder.deadLetters;
    this.deadLetterSource = builder.deadLetterSource;
    this.flushIntervalMs = builder.flushInterval.toMillis();
    this.maxDeadLetterRawBytes = builder.maxDeadLetterRawBytes;
  }

  public static <T> Builder<T> builder(ElasticsearchSettings settings) {
    return new Builder<>(settings);
  }

  /** The landing job's sink: {@link PatentDocuments} under their publication keys. */
  public static ElasticsearchBulkSink<Patent> forPatents(
      ElasticsearchSettings settings, DeadLetterPublisherFactory deadLetters) {
    return ElasticsearchBulkSink.<Patent>builder(settings)
        .mapper(PatentDocuments.mapper())
        .deadLetters(deadLetters)
        .build();
  }

  /**
   * The landing job's sink for links: {@link LinkDocuments} (a publication's whole link lists)
   * merged into the patents' documents, whichever of the two lands first.
   */
  public static ElasticsearchBulkSink<DocumentLinks> forLinks(
      ElasticsearchSettings settings, DeadLetterPublisherFactory deadLetters) {
    return ElasticsearchBulkSink.<DocumentLinks>builder(settings)
        .mapper(LinkDocuments.mapper())
        .deadLetters(deadLetters)
        .deadLetterSource(LINKS_DEAD_LETTER_SOURCE)
        .build();
  }

  /**
   * The landing job's sink for 3D models: {@link ModelDocuments} (a publication's model summary)
   * merged into the patents' documents, whichever of the two lands first.
   */
  public static ElasticsearchBulkSink<ModelSummary> forModels(
      ElasticsearchSettings settings, DeadLetterPublisherFactory deadLetters) {
    return ElasticsearchBulkSink.<ModelSummary>builder(settings)
        .mapper(ModelDocuments.mapper())
        .deadLetters(deadLetters)
        .deadLetterSource(MODELS_DEAD_LETTER_SOURCE)
        .build();
  }

  /**
   * The landing job's sink for dead letters: {@link DeadLetterDocuments} into the dead-letters
   * alias ({@code settings.alias()}), {@code _id} = topic-partition-offset.
   *
   * <p>The rule that keeps dead letters from looping: a dead letter never makes a dead letter.
   * What this sink cannot store is logged and counted ({@link LoggedDeadLetters}), never published
   * to patents.dlq: the refused document describes a record that is itself durably in patents.dlq
   * (its {@code _id} says where), so nothing is lost, while a new dead letter about it would be read
   * by this same path and, refused for the same reason, make another, forever.
   */
  public static ElasticsearchBulkSink<DeadLetterEntry> forDeadLetters(ElasticsearchSettings settings) {
    return ElasticsearchBulkSink.<DeadLetterEntry>builder(settings)
        .mapper(DeadLetterDocuments.mapper())
        .deadLetters(new LoggedDeadLetters())
        .deadLetterSource(Topics.DLQ)
        .build();
  }

  /**
   * The collect job's sink for collection runs: {@link CollectionRunDocuments} into the
   * collection-runs alias ({@code settings.alias()}), {@code _id} = run id; refused rows go to
   * patents.dlq with source {@value #COLLECTION_RUNS_DEAD_LETTER_SOURCE}.
   */
  public static ElasticsearchBulkSink<CollectionRunRow> forCollectionRuns(
      ElasticsearchSettings settings, DeadLetterPublisherFactory deadLetters) {
    return ElasticsearchBulkSink.<CollectionRunRow>builder(settings)
        .mapper(CollectionRunDocuments.mapper())
        .deadLetters(deadLetters)
        .deadLetterSource(COLLECTION_RUNS_DEAD_LETTER_SOURCE)
        .build();
  }

  /**
   * The enrich job's sink: {@link EnrichmentDocuments} merged into the patents' documents (same
   * publication keys; the landing job writes the other fields, in either order).
   */
  public static ElasticsearchBulkSink<EnrichedPatent> forEnrichments(
      ElasticsearchSettings settings, DeadLetterPublisherFactory deadLetters) {
    return ElasticsearchBulkSink.<EnrichedPatent>builder(settings)
        .mapper(EnrichmentDocuments.mapper())
        .deadLetters(deadLetters)
        .deadLetterSource(ENRICHED_DEAD_LETTER_SOURCE)
        .build();
  }

  @Override
  public StatefulSinkWriter<T, BulkWriterState> createWriter(WriterInitContext context) {
    return restoreWriter(context, List.of());
  }

  /** Flink 1.20 still declares this variant abstract; runtimes that know the new one never call it. */
  @Override
  @Deprecated
  public SinkWriter<T> createWriter(InitContext context) {
    return openWriter(context.metricGroup(), context.getProcessingTimeService(), context.getMailboxExecutor(),
        List.of());
  }

  @Override
  public StatefulSinkWriter<T, BulkWriterState> restoreWriter(WriterInitContext context,
      Collection<BulkWriterState> recoveredState) {
    return openWriter(context.metricGroup(), context.getProcessingTimeService(), context.getMailboxExecutor(),
        recoveredState);
  }

  @Override
  public SimpleVersionedSerializer<BulkWriterState> getWriterStateSerializer() {
    return new BulkWriterStateSerializer();
  }

  private ElasticsearchBulkWriter<T> openWriter(SinkWriterMetricGroup metricGroup, ProcessingTimeService timeService,
      MailboxExecutor mailbox, Collection<BulkWriterState> recoveredState) {
    return new ElasticsearchBulkWriter<>(
        settings,
        mapper,
        deadLetters.create(),
        new BulkDeadLetters(deadLetterSource, maxDeadLetterRawBytes),
        new BulkMetrics(metricGroup),
        timeService,
        mailbox,
        flushIntervalMs,
        recoveredState);
  }

  /** Builds an {@link ElasticsearchBulkSink}; {@link #mapper} and {@link #deadLetters} are required. */
  public static final class Builder<T> {

    /** A trickle of documents still shows up within a second even with rare checkpoints. */
    public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofSeconds(1);

    /** Leaves room under Kafka's default 1 MiB message limit for the rest of the dead letter. */
    public static final int DEFAULT_MAX_DEAD_LETTER_RAW_BYTES = 512 * 1024;

    public static final String DEFAULT_DEAD_LETTER_SOURCE = "patents.normalized";

    private final ElasticsearchSettings settings;
    private DocumentMapper<T> mapper;
    private DeadLetterPublisherFactory deadLetters;
    private String deadLetterSource = DEFAULT_DEAD_LETTER_SOURCE;
    private Duration flushInterval = DEFAULT_FLUSH_INTERVAL;
    private int maxDeadLetterRawBytes = DEFAULT_MAX_DEAD_LETTER_RAW_BYTES;

    private Builder(ElasticsearchSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** How elements become documents, e.g. {@link PatentDocuments#mapper()}. */
    public Builder<T> mapper(DocumentMapper<T> mapper) {
      this.mapper = Objects.requireNonNull(mapper, "mapper");
      return this;
    }

    /** Where documents that Elasticsearch refuses, or that cannot be mapped, are reported. */
    public Builder<T> deadLetters(DeadLetterPublisherFactory deadLetters) {
      this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
      return this;
    }

    /** The {@code source} of the dead letters, i.e. what the stream was read from. */
    public Builder<T> deadLetterSource(String deadLetterSource) {
      this.deadLetterSource = Objects.requireNonNull(deadLetterSource, "deadLetterSource");
      return this;
    }

    /** Send buffered documents at least this often; zero sends only when full or on flush. */
    public Builder<T> flushInterval(Duration flushInterval) {
      if (flushInterval.isNegative()) {
        throw new IllegalArgumentException("flushInterval must not be negative, got " + flushInterval);
      }
      this.flushInterval = flushInterval;
      return this;
    }

    /** Dead letters carry at most this many bytes of the refused document (raw_size has the full size). */
    public Builder<T> maxDeadLetterRawBytes(int maxDeadLetterRawBytes) {
      if (maxDeadLetterRawBytes < 0) {
        throw new IllegalArgumentException(
            "maxDeadLetterRawBytes must not be negative, got " + maxDeadLetterRawBytes);
      }
      this.maxDeadLetterRawBytes = maxDeadLetterRawBytes;
      return this;
    }

    public ElasticsearchBulkSink<T> build() {
      if (mapper == null) {
        throw new IllegalStateException("mapper(...) is required");
      }
      if (deadLetters == null) {
        throw new IllegalStateException("deadLetters(...) is required: refused documents must go somewhere");
      }
      return new ElasticsearchBulkSink<>(this);
    }
  }
}
