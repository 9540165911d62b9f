package io.patent2tech.jobs.replay;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.Hit;

import io.patent2tech.connectors.elasticsearch.ElasticsearchClients;
import io.patent2tech.connectors.elasticsearch.ElasticsearchSettings;
import io.patent2tech.connectors.elasticsearch.document.DeadLetterDocuments;
import io.patent2tech.connectors.kafka.KafkaConnections;
import io.patent2tech.connectors.kafka.PublishedPatentsInTopic;
import io.patent2tech.connectors.uspto.RawDocument;
import io.patent2tech.jobs.Main;
import io.patent2tech.jobs.config.CommonSettings;
import io.patent2tech.jobs.config.Setting;
import io.patent2tech.jobs.config.Settings;
import io.patent2tech.jobs.ingest.IngestJob;
import io.patent2tech.jobs.ingest.ParseOfficeDocuments;
import io.patent2tech.schema.DeadLetter;
import io.patent2tech.schema.Patent;
import io.patent2tech.connectors.kafka.Topics;
import io.patent2tech.connectors.kafka.KafkaClientSettings;
import io.patent2tech.schema.TopicCodec;
import io.patent2tech.udfs.DocumentRejectedException;
import io.patent2tech.udfs.dedupe.PublishedPatents;

/**
 * {@code replay-dead-letters}: sends chosen dead letters back through the pipeline's front door
 * after a fix, and says per dead letter what happened.
 *
 * <pre>
 *  dead-letters index (selection) -> patents.dlq record (the dead letter) -> raw input (carried, or
 *  read again from its file) -> parse -> normalize -> validate (ParseOfficeDocuments, as ingest)
 *  -> dedupe against patents.normalized -> one Kafka transaction: patents.normalized + new dead
 *  letters to patents.dlq -> replayed_at set in the dead-letters index
 * </pre>
 *
 * <p>Only dead letters of the stages that take a document (split, parse, normalize, validate) can
 * be replayed this way; the others are reported as not replayable with what to do instead (a
 * landing-elasticsearch dead letter is landed again by re-reading patents.normalized).
 *
 * <p>Exactly once: what one run publishes is one transaction, committed before any dead letter is
 * marked; a patent whose key and content hash the topic already holds is not published again (the
 * ingest job's dedupe, levels 1 and 2, learned from the topic as {@code --dedupe-from-topic} does),
 * so running the command again after a crash between the commit and the marking publishes nothing
 * twice. Only a still failing input's new dead letter would then be written again.
 */
public final class ReplayDeadLettersCommand {

  public static final Setting STAGE = new Setting("stage", null, "only dead letters of this stage (split, parse, ...)");
  public static final Setting REASON_CONTAINS = new Setting("reason-contains", null,
      "only dead letters whose reason contains these words, in this order");
  public static final Setting SOURCE = new Setting("source", null, "only dead letters of this source (uspto, epo, kipris)");
  public static final Setting SINCE = new Setting("since", null,
      "only dead letters from this date (2024-05-07, UTC) or instant (2024-05-07T10:00:00Z) on");
  public static final Setting KEY = new Setting("key", null, "only dead letters of this publication key");
  public static final Setting OFFSETS = new Setting("offsets", null,
      "only the dead letters at these places of the DLQ topic: PARTITION:OFFSET,...");
  public static final Setting DRY_RUN = Setting.bool("dry-run", false, "print the selection only; replay nothing");
  public static final Setting LIMIT = Setting.wholeNumber("limit", 1000L, "replay at most this many dead letters");
  public static final Setting TRANSACTIONAL_ID = new Setting("transactional-id", "p2t-replay-dead-letters",
      "Kafka transactional id of the replay (one replay at a time per id)");

  public static final List<Setting> SETTINGS = List.of(CommonSettings.KAFKA_BOOTSTRAP, CommonSettings.REGISTRY_URL,
      CommonSettings.TOPIC_NORMALIZED, CommonSettings.TOPIC_DLQ, CommonSettings.ES_URL,
      CommonSettings.ES_DEAD_LETTERS_ALIAS, STAGE, REASON_CONTAINS, SOURCE, SINCE, KEY, OFFSETS, DRY_RUN, LIMIT,
      IngestJob.DLQ_MAX_RAW_BYTES, TRANSACTIONAL_ID);
  public static final List<String> FLAGS = List.of(DRY_RUN.key());

  public static final String USAGE = "replay-dead-letters [options]\n"
      + "  Selects dead letters in Elasticsearch (dead-letters, landed by the land job), reads each one's\n"
      + "  raw input (from its patents.dlq record, or from the file it was cut from) and sends it through\n"
      + "  parse -> normalize -> validate -> dedupe as ingest does, publishing to patents.normalized in one\n"
      + "  transaction, with a new dead letter for what still fails; then sets replayed_at on each one\n"
      + "  replayed. Prints per dead letter: replayed, still failing (new reason), or not replayable (why).\n"
      + "  Only stages that take a document (split, parse, normalize, validate) can be replayed.\n";

  /** The stages whose dead letters hold a document that the front door takes again. */
  static final Set<String> REPLAYABLE_STAGES = Set.of("split", DocumentRejectedException.STAGE_PARSE,
      DocumentRejectedException.STAGE_NORMALIZE, DocumentRejectedException.STAGE_VALIDATE);

  /** What happened to one dead letter. */
  public enum Outcome { REPLAYED, STILL_FAILING, NOT_REPLAYABLE, SELECTED }

  /** The figures of one run. */
  public record Result(int selected, int replayed, int stillFailing, int notReplayable) {}

  private ReplayDeadLettersCommand() {}

  public static Result run(Settings s, PrintStream out) throws Exception {
    DeadLetterSelection selection;
    try {
      selection = new DeadLetterSelection(s.require(CommonSettings.TOPIC_DLQ.key()), s.get(STAGE.key()),
          s.get(REASON_CONTAINS.key()), s.get(SOURCE.key()), DeadLetterSelection.parseSince(s.get(SINCE.key())),
          s.get(KEY.key()), DeadLetterSelection.parseOffsets(s.get(OFFSETS.key())));
    } catch (IllegalArgumentException e) {
      throw new Main.UsageException("replay-dead-letters: " + e.getMessage(), e);
    }
    ElasticsearchSettings es = ElasticsearchSettings.defaults(s.require(CommonSettings.ES_URL.key()),
        s.require(CommonSettings.ES_DEAD_LETTERS_ALIAS.key()));
    try (ElasticsearchClient client = ElasticsearchClients.open(es)) {
      List<Hit<JsonNode>> hits = client.search(SearchRequest.of(r -> r
          .withJson(new StringReader(selection.query(s.getInt(LIMIT.key()))))
          .index(es.alias())), JsonNode.class).hits().hits();
      if (s.getBoolean(DRY_RUN.key())) {
        for (Hit<JsonNode> hit : hits) {
          out.println(line(hit, Outcome.SELECTED, describe(hit.source())));
        }
        out.println("selected " + hits.size() + " dead letters (dry run: nothing replayed)");
        return new Result(hits.size(), 0, 0, 0);
      }
      Result result = replay(s, hits, client, es.alias(), out);
      out.println("selected " + result.selected() + ": replayed " + result.replayed() + ", still failing "
          + result.stillFailing() + ", not replayable " + result.notReplayable());
      return result;
    }
  }

  private static Result replay(Settings s, List<Hit<JsonNode>> hits, ElasticsearchClient client, String alias,
      PrintStream out) throws Exception {
    String bootstrap = s.require(CommonSettings.KAFKA_BOOTSTRAP.key());
    String normalizedTopic = s.require(CommonSettings.TOPIC_NORMALIZED.key());
    String dlqTopic = s.require(CommonSettings.TOPIC_DLQ.key());
    ParseOfficeDocuments front = new ParseOfficeDocuments(s.getInt(IngestJob.DLQ_MAX_RAW_BYTES.key()));
    String registryUrl = s.get(CommonSettings.REGISTRY_URL.key());
    // each topic's own encoding (infra/kafka/topics.txt), as the jobs' sinks write it
    TopicCodec<Patent> patents = Topics.writerCodec(TopicCodec.patents(), normalizedTopic, registryUrl);
    TopicCodec<DeadLetter> deadLetters = Topics.writerCodec(TopicCodec.deadLetters(), dlqTopic, registryUrl);
    Map<String, String[]> published = publishedContent(bootstrap, registryUrl, normalizedTopic);

    List<String> lines = new ArrayList<>();
    List<String> marked = new ArrayList<>();
    int replayed = 0;
    int stillFailing = 0;
    int notReplayable = 0;
    try (RawInputs inputs = new RawInputs(bootstrap, registryUrl);
        KafkaProducer<byte[], byte[]> producer = transactionalProducer(bootstrap,
            s.require(TRANSACTIONAL_ID.key()))) {
      producer.initTransactions();
      producer.beginTransaction();
      try {
        for (Hit<JsonNode> hit : hits) {
          JsonNode doc = hit.source();
          String stage = doc.path("stage").asText();
          if (!REPLAYABLE_STAGES.contains(stage)) {
            notReplayable++;
            lines.add(line(hit, Outcome.NOT_REPLAYABLE, notReplayableBecause(stage)));
            continue;
          }
          RawDocument input;
          try {
            DeadLetter d = inputs.deadLetter(doc.path("dlq_topic").asText(), doc.path("dlq_partition").asInt(),
                doc.path("dlq_offset").asLong());
            input = RawInputs.input(d);
          } catch (IOException e) {
            notReplayable++;
            lines.add(line(hit, Outcome.NOT_REPLAYABLE, e.getMessage()));
            continue;
          }
          List<Patent> accepted = new ArrayList<>();
          List<DeadLetter> rejected = new ArrayList<>();
          front.parse(input, System.currentTimeMillis(), accepted::add, rejected::add);
          List<String> what = new ArrayList<>();
          for (Patent p : accepted) {
            what.add(publish(p, published, producer, normalizedTopic, patents));
          }
          for (DeadLetter d : rejected) {
            producer.send(new ProducerRecord<>(dlqTopic, key(d.getSourceFile()), deadLetters.encode(d)));
            what.add(d.getStage() + ": " + d.getReason() + " (new dead letter)");
          }
          marked.add(hit.id());
          if (rejected.isEmpty()) {
            replayed++;
            lines.add(line(hit, Outcome.REPLAYED, String.join("; ", what)));
          } else {
            stillFailing++;
            lines.add(line(hit, Outcome.STILL_FAILING, String.join("; ", what)));
          }
        }
        producer.commitTransaction();
      } catch (RuntimeException | Error e) {
        producer.abortTransaction();
        throw e;
      }
    }
    // after the commit: a dead letter is marked only once what its replay published is visible
    long now = System.currentTimeMillis();
    for (String id : marked) {
      client.update(u -> u.index(alias).id(id).doc(Map.of(DeadLetterDocuments.REPLAYED_AT, now)), Map.class);
    }
    client.indices().refresh(r -> r.index(alias));
    lines.forEach(out::println);
    return new Result(hits.size(), replayed, stillFailing, notReplayable);
  }

  /** Levels 1 and 2 of the dedupe against what the topic holds; {@code published} learns the patent. */
  private static String publish(Patent p, Map<String, String[]> published, KafkaProducer<byte[], byte[]> producer,
      String topic, TopicCodec<Patent> codec) {
    String key = p.getPublicationKey();
    String[] seen = published.get(key);
    if (seen != null && seen[0].equals(p.getContentHash())) {
      return key + " is on " + topic + " already with this content (nothing published)";
    }
    int version = seen == null ? 1 : Integer.parseInt(seen[1]) + 1;
    p.setVersion(version);
    producer.send(new ProducerRecord<>(topic, key(key), codec.encode(p)));
    published.put(key, new String[] {p.getContentHash(), String.valueOf(version)});
    return key + " published to " + topic + " (version " + version + ")";
  }

  /** publication key -> {content hash, version} of the latest version the topic holds. */
  private static Map<String, String[]> publishedContent(String bootstrap, String registryUrl, String topic)
      throws Exception {
    Map<String, String[]> latest = new HashMap<>();
    try (PublishedPatents all = new PublishedPatentsInTopic(
        KafkaClientSettings.plaintext(bootstrap).withRegistry(registryUrl), topic).open()) {
      all.forEach((key, hash, version) -> {
        String[] seen = latest.get(key);
        if (seen == null || Integer.parseInt(seen[1]) <= version) {
          latest.put(key, new String[] {hash, String.valueOf(version)});
        }
      });
    }
    return latest;
  }

  private static String notReplayableBecause(String stage) {
    if (stage.startsWith("landing-")) {
      return "stage " + stage + " stores a record of a topic: it is landed again by re-reading that topic"
          + " (docs/operations.md, replaying a landing), not through the front door";
    }
    if (stage.equals("fetch")) {
      return "stage fetch: the office's answer was damaged; the collect job fetches the window again";
    }
    return "stage " + stage + " does not take a document (replayable: split, parse, normalize, validate)";
  }

  private static String describe(JsonNode doc) {
    return doc.path("source").asText() + " " + doc.path("stage").asText()
        + (doc.hasNonNull("publication_key") ? " " + doc.get("publication_key").asText() : "")
        + " " + Instant.ofEpochMilli(doc.path("time").asLong()) + ": " + doc.path("reason").asText()
        + (doc.hasNonNull("replayed_at") ? " (replayed before)" : "");
  }

  private static String line(Hit<JsonNode> hit, Outcome outcome, String what) {
    return hit.id() + " " + outcome.name().toLowerCase().replace('_', ' ') + ": " + what;
  }

  private static byte[] key(String key) {
    return key == null ? null : key.getBytes(StandardCharsets.UTF_8);
  }

  private static KafkaProducer<byte[], byte[]> transactionalProducer(String bootstrap, String transactionalId) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, KafkaConnections.TRANSACTION_TIMEOUT_MS);
    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 << 20);
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }
}
