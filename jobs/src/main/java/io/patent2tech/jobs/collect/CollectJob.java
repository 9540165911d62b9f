package io.patent2tech.jobs.collect;


import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import io.patent2tech.connectors.collect.CollectRecord;
import io.patent2tech.connectors.collect.source.CollectSource;
import io.patent2tech.connectors.elasticsearch.index.AliasedIndex;
import io.patent2tech.connectors.elasticsearch.sink.ElasticsearchBulkSink;
import io.patent2tech.connectors.kafka.KafkaDeadLetterPublisherFactory;
import io.patent2tech.connectors.postgres.CollectionRunRow;
import io.patent2tech.connectors.postgres.CollectionRunHistory;
import io.patent2tech.connectors.postgres.CollectionRunSink;
import io.patent2tech.connectors.postgres.PostgresMigrations;
import io.patent2tech.connectors.postgres.PostgresSettings;
import io.patent2tech.jobs.Main;
import io.patent2tech.jobs.NormalizedOutput;
import io.patent2tech.jobs.config.CommonSettings;
import io.patent2tech.jobs.config.FlinkEnvironments;
import io.patent2tech.jobs.config.Settings;
import io.patent2tech.schema.Patent;

/**
 * The collect job:
 *
 * <pre>
 *  USPTO bulk products ─┐
 *  EPO OPS ─────────────┼─> collect (on schedules) -> parse -> normalize -> validate -> dedupe -> patents.normalized
 *  KIPRIS Plus ─────────┘                                |                               |
 *                                            patents.dlq <+        run ledger <-----------+-+> collection_runs (Postgres)
 *                                                                                           +> collection-runs (Elasticsearch)
 * </pre>
 *
 * One job for all offices: they share the parse -> dedupe chain and its keyed state, so the same
 * publication reaching us twice is published once; the source gives each office its own reader,
 * schedule and quota (docs/sources.md). Kafka topics are written exactly once.
 *
 * <p>The run ledger's rows go to PostgreSQL and, the same rows, to the Elasticsearch alias
 * {@code collection-runs} (_id = run id) so operators find runs in Kibana beside the dead letters.
 * Both are upserts of absolute figures, so a replay changes nothing. The ledger is the one place
 * that knows a run; mirroring the table from the landing job instead would need a poller of
 * PostgreSQL and could lag or miss a row's last update.
 */
public final class CollectJob {

  public static final String USAGE = "collect [options]\n"
      + "  Pulls new publications from the offices (USPTO bulk products, EPO OPS, KIPRIS Plus) on their\n"
      + "  schedules and writes normalized patents to Kafka exactly once, rejected documents to the DLQ,\n"
      + "  and one collection_runs row per run to PostgreSQL and Elasticsearch (alias collection-runs).\n"
      + "  Runs until cancelled; with --from and --to\n"
      + "  it collects those publication days once (a backfill) and ends. Credentials come from the\n"
      + "  environment or files (docs/sources.md), never from the command line.\n";

  private CollectJob() {}

  /** Adds the collect pipeline to {@code env}. */
  public static void build(StreamExecutionEnvironment env, Settings s, CollectSource source) {
    String txPrefix = s.require(CollectSettings.TRANSACTIONAL_ID_PREFIX.key());

    DataStream<CollectRecord> fetched = env
        .fromSource(source, WatermarkStrategy.noWatermarks(), "office-collectors")
        .uid("office-collectors");

    SingleOutputStreamOperator<Patent> normalized = fetched
        .process(new ParseFetchedDocuments(s.getInt(CollectSettings.DLQ_MAX_RAW_BYTES.key())))
        .name("parse-normalize-validate").uid("parse-normalize-validate");

    DataStream<Patent> published = NormalizedOutput.publish(normalized,
        normalized.getSideOutput(ParseFetchedDocuments.DEAD_LETTERS), s, txPrefix);

    DataStream<CollectionRunRow> runs = normalized.getSideOutput(ParseFetchedDocuments.RUN_PROGRESS)
        .union(published
            .filter(p -> p.getSource().getCollectionRun() != null)
            .map(p -> RunProgress.published(p.getSource().getCollectionRun()))
            .name("count-published").uid("count-published"))
        .keyBy(p -> p.runId)
        .process(new RunLedger()).name("run-ledger").uid("run-ledger");
    runs.sinkTo(CollectionRunSink.create(CommonSettings.postgres(s),
            s.getDuration(CommonSettings.PG_BATCH_INTERVAL.key()).toMillis()))
        .name("collection_runs").uid("sink-collection-runs");
    runs.sinkTo(ElasticsearchBulkSink.forCollectionRuns(
            CommonSettings.elasticsearch(s, CommonSettings.ES_COLLECTION_RUNS_ALIAS),
            new KafkaDeadLetterPublisherFactory(CommonSettings.kafka(s),
                s.require(CommonSettings.TOPIC_DLQ.key()))))
        .name("elasticsearch-collection-runs").uid("sink-elasticsearch-collection-runs");
  }

  public static void run(Settings s) throws Exception {
    PostgresSettings postgres = CommonSettings.postgres(s);
    PostgresMigrations.migrate(postgres);
    CollectSource source;
    try {
      source = CollectSettings.source(s, CollectionRunHistory.finishedWindows(postgres));
    } catch (IllegalArgumentException e) {
      // a missing credential, a bad schedule or date: say what to set, no stack trace
      throw new Main.UsageException("collect: " + e.getMessage(), e);
    }
    CommonSettings.ensureTopics(s, CommonSettings.TOPIC_NORMALIZED, CommonSettings.TOPIC_DLQ);
    AliasedIndex.ensure(CommonSettings.elasticsearch(s, CommonSettings.ES_COLLECTION_RUNS_ALIAS),
        AliasedIndex.COLLECTION_RUNS_TEMPLATE);
    StreamExecutionEnvironment env = FlinkEnvironments.create(s);
    build(env, s, source);
    env.execute("patent2tech-collect");
  }
}
