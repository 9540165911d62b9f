package io.patent2tech.jobs.drill;

import io.patent2tech.connectors.kafka.KafkaClientSettings;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import io.patent2tech.jobs.Main;
import io.patent2tech.jobs.config.CommonSettings;
import io.patent2tech.jobs.config.Setting;
import io.patent2tech.jobs.config.Settings;
import io.patent2tech.jobs.landing.LandingJob;

/**
 * {@code drill ACTION}: the Java side of scripts/chaos, the fault drill. It makes the run's input,
 * follows the run's topic, alias and schema while faults are injected, and checks at the end that
 * every expected publication is there exactly once. The faults themselves, and the jobs, are the
 * script's.
 */
public final class DrillCommand {

  public static final Setting RUN = new Setting("drill.run", null,
      "the run number (100 to 999): every publication number of the run ends in 9RRR + 5 digits");
  public static final Setting DOCUMENTS = Setting.wholeNumber("drill.documents", 3000L, "documents to make");
  public static final Setting PER_FILE = Setting.wholeNumber("drill.per-file", 100L, "documents per file");
  public static final Setting FIXTURES = new Setting("drill.fixtures", "fixtures/uspto",
      "the fixtures' uspto directory: its grant/ and application/ documents are the templates");
  public static final Setting KEYS = new Setting("drill.keys", null,
      "file of the run's publication keys, one a line (documents writes it, watch and check read it)");
  public static final Setting SAMPLES = new Setting("drill.samples", null,
      "file watch appends a line to at each interval; watch ends when the file is removed");
  public static final Setting INTERVAL = Setting.duration("drill.interval", Duration.ofSeconds(1), "how often watch samples");

  public static final List<Setting> SETTINGS = CommonSettings.secured(List.of(RUN, DOCUMENTS, PER_FILE, FIXTURES, KEYS, SAMPLES, INTERVAL,
      CommonSettings.KAFKA_BOOTSTRAP, CommonSettings.TOPIC_NORMALIZED, CommonSettings.TOPIC_LINKS,
      CommonSettings.TOPIC_MODELS3D,
      CommonSettings.TOPIC_DLQ, LandingJob.GROUP_ID, CommonSettings.ES_URL, CommonSettings.ES_ALIAS,
      CommonSettings.PG_URL, CommonSettings.PG_USER, CommonSettings.PG_PASSWORD));

  public static final String USAGE = "drill ACTION [options]   (used by scripts/chaos)\n"
      + "  documents DIR  writes --drill.documents distinct documents made from the fixtures into DIR,\n"
      + "                 --drill.per-file to a file, and their publication keys to --drill.keys\n"
      + "  setup          checks that the run's topics, alias and schema (currentSchema of --pg.url)\n"
      + "                 do not exist yet, and creates the schema\n"
      + "  watch          appends 'time_ms kafka_records kafka_keys es_documents pg_rows' to\n"
      + "                 --drill.samples every --drill.interval (-1: the store did not answer)\n"
      + "  check          counts the keys of --drill.keys in the topic (read_committed), the alias and\n"
      + "                 the patents table; exit status 1 unless each is there exactly once\n"
      + "  cleanup        deletes the run's topics, consumer group, indices, index template and schema\n";

  private DrillCommand() {}

  /** @return the exit status: 0, or 1 when {@code check} found a difference */
  public static int run(Settings s, PrintStream out) throws Exception {
    List<String> args = s.positional();
    if (args.isEmpty()) {
      throw new Main.UsageException("drill needs an action: documents, setup, watch, check or cleanup", null);
    }
    String action = args.get(0);
    switch (action) {
      case "documents" -> documents(s, args, out);
      case "setup" -> setup(s);
      case "watch" -> watch(s);
      case "check" -> {
        return check(s, out) ? 0 : 1;
      }
      case "cleanup" -> cleanup(s, out);
      default -> throw new Main.UsageException("drill: unknown action '" + action
          + "' (documents, setup, watch, check, cleanup)", null);
    }
    return 0;
  }

  private static void documents(Settings s, List<String> args, PrintStream out) throws IOException {
    if (args.size() != 2) {
      throw new Main.UsageException("drill documents needs one output directory", null);
    }
    Path dir = Path.of(args.get(1));
    Path keysFile = Path.of(s.require(KEYS.key()));
    DrillDocuments documents = new DrillDocuments(Path.of(s.require(FIXTURES.key())), s.getInt(RUN.key()));
    int count = s.getInt(DOCUMENTS.key());
    int perFile = s.getInt(PER_FILE.key());
    List<String> keys = documents.write(count, perFile, dir);
    Files.write(keysFile, keys, StandardCharsets.UTF_8);
    out.printf("%d documents (from %d fixtures) in %d files in %s; keys in %s%n", keys.size(),
        documents.templates().size(), (count + perFile - 1) / perFile, dir, keysFile);
  }

  private static void setup(Settings s) throws Exception {
    String topic = s.require(CommonSettings.TOPIC_NORMALIZED.key());
    String dlq = s.require(CommonSettings.TOPIC_DLQ.key());
    List<String> taken = new ArrayList<>();
    try (Admin admin = admin(s)) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      for (String t : List.of(topic, dlq)) {
        if (existing.contains(t)) {
          taken.add("topic " + t);
        }
      }
    }
    StoreCounts stores = stores(s);
    if (stores.aliasExists()) {
      taken.add("alias " + s.require(CommonSettings.ES_ALIAS.key()));
    }
    if (stores.schemaExists()) {
      taken.add("schema " + stores.schema());
    }
    if (!taken.isEmpty()) {
      throw new IllegalStateException("the run's " + String.join(", ", taken)
          + " exist(s) already: choose another run number, or remove them (drill cleanup)");
    }
    stores.createSchema();
  }

  private static void watch(Settings s) throws Exception {
    List<String> keys = keys(s);
    Set<String> keySet = new LinkedHashSet<>(keys);
    Path samples = Path.of(s.require(SAMPLES.key()));
    long interval = s.getDuration(INTERVAL.key()).toMillis();
    StoreCounts stores = stores(s);
    try (KeyTally tally = new KeyTally(CommonSettings.kafka(s),
            s.require(CommonSettings.TOPIC_NORMALIZED.key()));
        BufferedWriter w = Files.newBufferedWriter(samples, StandardCharsets.UTF_8,
            StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      w.write("# time_ms kafka_records kafka_keys es_documents pg_rows\n");
      w.flush();
      while (Files.exists(samples)) {
        long start = System.currentTimeMillis();
        try {
          tally.poll(Duration.ofMillis(Math.min(500, interval)));
        } catch (RuntimeException e) {
          // the broker is away: the tally keeps what it has read
        }
        w.write(System.currentTimeMillis() + " " + tally.records() + " " + tally.found(keySet) + " "
            + stores.esDocuments() + " " + stores.pgRows(keys) + "\n");
        w.flush();
        long rest = interval - (System.currentTimeMillis() - start);
        if (rest > 0) {
          Thread.sleep(rest);
        }
      }
    }
  }

  /** Prints the table of counts; true when each store has every key exactly once and nothing else. */
  static boolean check(Settings s, PrintStream out) throws Exception {
    List<String> keys = keys(s);
    Set<String> keySet = new LinkedHashSet<>(keys);
    String topic = s.require(CommonSettings.TOPIC_NORMALIZED.key());
    String dlqTopic = s.require(CommonSettings.TOPIC_DLQ.key());
    KafkaClientSettings kafka = CommonSettings.kafka(s);
    StoreCounts stores = stores(s);
    List<String> failures = new ArrayList<>();
    int expected = keySet.size();

    long kafkaFound;
    long kafkaExtra;
    long kafkaOther;
    long kafkaRecords;
    List<String> repeated;
    try (KeyTally tally = new KeyTally(kafka, topic)) {
      tally.readToEnd(Duration.ofMinutes(3));
      kafkaRecords = tally.records();
      kafkaFound = tally.found(keySet);
      kafkaExtra = tally.extraRecords();
      kafkaOther = tally.otherRecords(keySet);
      repeated = tally.repeatedKeys();
    }
    long deadLetters;
    try (KeyTally dlq = new KeyTally(kafka, dlqTopic)) {
      dlq.readToEnd(Duration.ofMinutes(3));
      deadLetters = dlq.records();
    }
    StoreCounts.EsFindings es = stores.esFindings(keys);
    StoreCounts.PgFindings pg = stores.pgFindings(keys);
    boolean ownSchema = stores.schema() != null;
    long pgOther = ownSchema ? pg.total() - pg.found() : 0;

    out.printf("%-14s %8s %8s %8s %9s %6s  %s%n", "store", "expected", "found", "missing", "repeated", "other",
        "notes");
    out.printf("%-14s %8d %8d %8d %9d %6d  %d committed records in %s; %d dead letters in %s%n", "kafka", expected,
        kafkaFound, expected - kafkaFound, kafkaExtra, kafkaOther, kafkaRecords, topic, deadLetters, dlqTopic);
    out.printf("%-14s %8d %8d %8d %9s %6d  %d documents behind %s; %d written more than once (_version > 1)%n",
        "elasticsearch", expected, es.found(), expected - es.found(), "-", es.total() - es.found(), es.total(),
        s.require(CommonSettings.ES_ALIAS.key()), es.rewritten());
    out.printf("%-14s %8d %8d %8d %9s %6s  %s%n", "postgresql", expected, pg.found(), expected - pg.found(), "-",
        ownSchema ? String.valueOf(pgOther) : "-",
        ownSchema ? pg.total() + " rows in " + stores.schema() + ".patents" : "rows of the run's keys in patents");

    if (kafkaFound < expected) {
      failures.add("kafka: " + (expected - kafkaFound) + " expected publications never committed");
    }
    if (kafkaExtra > 0) {
      failures.add("kafka: " + repeated.size() + " publications committed more than once (" + kafkaExtra
          + " extra records), e.g. " + String.join(", ", repeated.subList(0, Math.min(5, repeated.size()))));
    }
    if (kafkaOther > 0) {
      failures.add("kafka: " + kafkaOther + " records with keys not in the run");
    }
    if (deadLetters > 0) {
      failures.add("kafka: " + deadLetters + " dead letters in " + dlqTopic);
    }
    if (es.found() < expected) {
      failures.add("elasticsearch: " + (expected - es.found()) + " expected documents missing");
    }
    if (es.total() > es.found()) {
      failures.add("elasticsearch: " + (es.total() - es.found()) + " documents not of the run");
    }
    if (pg.found() < expected) {
      failures.add("postgresql: " + (expected - pg.found()) + " expected rows missing");
    }
    if (pgOther > 0) {
      failures.add("postgresql: " + pgOther + " rows not of the run");
    }
    if (failures.isEmpty()) {
      out.printf("check: OK: each of the %d publications exactly once in Kafka (read_committed), "
          + "Elasticsearch and PostgreSQL%n", expected);
      return true;
    }
    for (String f : failures) {
      out.println("check: FAILED: " + f);
    }
    return false;
  }

  private static void cleanup(Settings s, PrintStream out) throws Exception {
    List<String> removed = new ArrayList<>();
    try (Admin admin = admin(s)) {
      List<String> topics = new ArrayList<>(List.of(s.require(CommonSettings.TOPIC_NORMALIZED.key()),
          s.require(CommonSettings.TOPIC_DLQ.key())));
      // the run's own links and models topics only: the shared ones (the defaults) are other jobs' input
      for (var setting : List.of(CommonSettings.TOPIC_LINKS, CommonSettings.TOPIC_MODELS3D)) {
        String topic = s.require(setting.key());
        if (!topic.equals(setting.defaultValue())) {
          topics.add(topic);
        }
      }
      for (String topic : topics) {
        try {
          admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
          removed.add("topic " + topic);
        } catch (java.util.concurrent.ExecutionException e) {
          if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
            throw e;
          }
        }
      }
      String group = s.require(LandingJob.GROUP_ID.key());
      try {
        admin.deleteConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS);
        removed.add("consumer group " + group);
      } catch (java.util.concurrent.ExecutionException e) {
        if (!(e.getCause() instanceof GroupIdNotFoundException)) {
          throw e;
        }
      }
    }
    StoreCounts stores = stores(s);
    for (String index : stores.deleteIndex()) {
      removed.add("index " + index);
    }
    if (stores.schemaExists()) {
      stores.dropSchema();
      removed.add("schema " + stores.schema());
    }
    out.println("removed: " + (removed.isEmpty() ? "nothing" : String.join(", ", removed)));
  }

  private static List<String> keys(Settings s) throws IOException {
    return Files.readAllLines(Path.of(s.require(KEYS.key())), StandardCharsets.UTF_8).stream()
        .map(String::trim).filter(k -> !k.isEmpty()).toList();
  }

  private static StoreCounts stores(Settings s) {
    return new StoreCounts(s.require(CommonSettings.ES_URL.key()), CommonSettings.elasticsearchAuth(s),
        s.require(CommonSettings.ES_ALIAS.key()),
        CommonSettings.postgresUrl(s), s.require(CommonSettings.PG_USER.key()),
        s.get(CommonSettings.PG_PASSWORD.key()));
  }

  private static Admin admin(Settings s) {
    Properties props = new Properties();
    props.putAll(CommonSettings.kafka(s).properties());
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
    return Admin.create(props);
  }
}
