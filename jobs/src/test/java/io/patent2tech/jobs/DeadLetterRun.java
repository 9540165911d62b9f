package io.patent2tech.jobs;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.patent2tech.connectors.DeadLetterPublisher;
import io.patent2tech.connectors.kafka.KafkaDeadLetterPublisherFactory;
import io.patent2tech.jobs.config.Settings;
import io.patent2tech.jobs.ingest.IngestJob;
import io.patent2tech.jobs.landing.LandingJob;
import io.patent2tech.jobs.replay.ReplayDeadLettersCommand;
import io.patent2tech.schema.DeadLetter;
import io.patent2tech.schema.TopicCodec;

/**
 * The topics, aliases and schema of one test run that makes dead letters for real (ingest), lands
 * them (land) and replays them: names of its own, the jobs' settings, and the clean-up.
 */
public final class DeadLetterRun {

  public final String run;
  public final String normalized;
  public final String dlq;
  public final String alias;
  public final String deadLettersAlias;
  private final String pgUrl;

  public DeadLetterRun(String prefix) throws Exception {
    run = LocalStack.runName(prefix);
    normalized = run + ".patents.normalized";
    dlq = run + ".patents.dlq";
    alias = run + "-patents";
    deadLettersAlias = run + "-dead-letters";
    pgUrl = LocalStack.pgUrlInSchema(run);
    LocalStack.createSchema(run);
  }

  /** The ingest job over {@code input}, bounded. */
  public void ingest(Path input, String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("--kafka.bootstrap", LocalStack.KAFKA, "--registry.url", LocalStack.REGISTRY,
        "--topic.normalized", normalized, "--topic.dlq", dlq, "--transactional-id-prefix", run + "-ingest",
        "--checkpoint.interval", "1 s", "--parallelism", "1"));
    args.addAll(List.of(extra));
    args.add(input.toString());
    IngestJob.run(Settings.parse(IngestJob.SETTINGS, IngestJob.FLAGS, args.toArray(String[]::new), Map.of()));
  }

  /** The landing job, bounded, as consumer group {@code <run>-<group>} (a new group re-reads everything). */
  public void land(String group) throws Exception {
    LandingJob.run(Settings.parse(LandingJob.SETTINGS, LandingJob.FLAGS, new String[] {
        "--kafka.bootstrap", LocalStack.KAFKA, "--registry.url", LocalStack.REGISTRY, "--topic.normalized", normalized, "--topic.dlq", dlq,
        "--topic.links", run + ".links", "--topic.models3d", run + ".models3d",
        "--group-id", run + "-" + group, "--bounded",
        "--es.url", LocalStack.ES, "--es.alias", alias, "--es.dead-letters-alias", deadLettersAlias,
        "--pg.url", pgUrl, "--pg.user", LocalStack.PG_USER, "--pg.password", LocalStack.PG_PASSWORD,
        "--checkpoint.interval", "1 s", "--parallelism", "1"}, Map.of()));
  }

  /** Publishes {@code d} to the run's DLQ the way the sinks do. */
  public void publish(DeadLetter d) throws Exception {
    try (DeadLetterPublisher publisher = new KafkaDeadLetterPublisherFactory(LocalStack.kafka(), dlq).create()) {
      publisher.publish(d);
      publisher.flush();
    }
  }

  /** What {@code replay-dead-letters} printed, and its figures. */
  public record Replay(ReplayDeadLettersCommand.Result result, String output) {}

  public Replay replay(String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("--kafka.bootstrap", LocalStack.KAFKA, "--registry.url", LocalStack.REGISTRY,
        "--topic.normalized", normalized, "--topic.dlq", dlq, "--es.url", LocalStack.ES,
        "--es.dead-letters-alias", deadLettersAlias, "--transactional-id", run + "-replay"));
    args.addAll(List.of(extra));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ReplayDeadLettersCommand.Result result;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      result = ReplayDeadLettersCommand.run(Settings.parse(ReplayDeadLettersCommand.SETTINGS,
          ReplayDeadLettersCommand.FLAGS, args.toArray(String[]::new), Map.of()), out);
    }
    String output = bytes.toString(StandardCharsets.UTF_8);
    System.out.print(output);
    return new Replay(result, output);
  }

  /** _id -> _source of the landed dead letters. */
  public Map<String, JsonNode> deadLetterDocuments() throws Exception {
    return LocalStack.esSources(deadLettersAlias);
  }

  /** The dead letters of the run's DLQ in topic order; values that are none are left out. */
  public List<DeadLetter> deadLetters() throws Exception {
    TopicCodec<DeadLetter> codec = LocalStack.reading(TopicCodec.deadLetters());
    List<DeadLetter> out = new ArrayList<>();
    for (byte[] value : LocalStack.committedValues(dlq)) {
      try {
        out.add(codec.decode(value));
      } catch (java.io.IOException e) {
        // a test's deliberately undecodable value
      }
    }
    return out;
  }

  public void remove() throws Exception {
    LocalStack.deleteTopicsIfPresent(List.of(normalized, dlq, run + ".links", run + ".models3d"));
    for (String a : List.of(alias, deadLettersAlias)) {
      LocalStack.esDelete("/" + a + "-v1");
      LocalStack.esDelete("/_index_template/" + a);
    }
    LocalStack.dropSchema(run);
  }
}
