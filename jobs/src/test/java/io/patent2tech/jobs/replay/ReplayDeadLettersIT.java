package io.patent2tech.jobs.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.patent2tech.jobs.DeadLetterRun;
import io.patent2tech.jobs.LocalStack;
import io.patent2tech.schema.DeadLetter;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.TopicCodec;
import io.patent2tech.udfs.DeadLetters;

/**
 * {@code replay-dead-letters} against the local stack. The dead letters are real: the ingest job
 * ran with a --max-document-bytes too small for a good grant (the split stage dead-letters it, with
 * only its first bytes), over a cut-off document that no setting fixes, and the Elasticsearch sink's
 * kind of dead letter is published beside them; the land job made them searchable. The replay,
 * whose front door has no size limit, reads the whole grant again from its file and publishes it,
 * reports the cut-off document as still failing with a new dead letter, and the landing one as not
 * replayable; only the first two are marked replayed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplayDeadLettersIT {

  @RegisterExtension
  static final MiniClusterExtension FLINK = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

  private static final String GRANT = "US-8930553-B2";

  @TempDir
  static Path input;

  private static DeadLetterRun run;

  @BeforeAll
  static void makeAndLandDeadLetters() throws Exception {
    run = new DeadLetterRun("dlqreplay");
    Path grants = Path.of(System.getProperty("p2t.fixtures"), "uspto", "grant");
    Files.copy(grants.resolve("US08930553.xml"), input.resolve("good.xml")); // 40,416 bytes
    byte[] other = Files.readAllBytes(grants.resolve("US06859910.xml"));
    Files.write(input.resolve("cut.xml"), Arrays.copyOf(other, 3000));
    run.ingest(input, "--max-document-bytes", "20000");
    run.publish(DeadLetters.builder("patents.normalized", "landing-elasticsearch")
        .reason("document_parsing_exception: failed to parse field [grant_date]")
        .errorClass("document_parsing_exception").publicationKey(GRANT)
        .rawPrefix("{\"grant_date\":\"soon\"}".getBytes(StandardCharsets.UTF_8), 512).build());
    assertThat(run.deadLetters()).extracting(DeadLetter::getStage)
        .containsExactlyInAnyOrder("split", "parse", "landing-elasticsearch");
    run.land("landing");
    assertThat(run.deadLetterDocuments()).hasSize(3);
  }

  @AfterAll
  static void removeRunData() throws Exception {
    run.remove();
  }

  @Test
  @Order(1)
  void aDryRunPrintsTheSelectionAndReplaysNothing() throws Exception {
    DeadLetterRun.Replay replay = run.replay("--stage", "split", "--dry-run");
    assertThat(replay.result().selected()).isEqualTo(1);
    assertThat(replay.output()).contains("selected 1 dead letters (dry run").contains("uspto split");
    replay = run.replay("--key", GRANT, "--dry-run");
    assertThat(replay.output()).contains("selected 1 dead letters").contains("landing-elasticsearch " + GRANT);
    assertThat(LocalStack.committedRecords(run.normalized)).isEmpty();
    assertThat(run.deadLetterDocuments().values()).noneMatch(d -> d.has("replayed_at"));
  }

  @Test
  @Order(2)
  void theFixedInputIsPublishedTheBadOneStillFailsAndTheLandingOneIsNotReplayable() throws Exception {
    DeadLetterRun.Replay replay = run.replay();

    assertThat(replay.result()).isEqualTo(new ReplayDeadLettersCommand.Result(3, 1, 1, 1));
    assertThat(replay.output()).contains(" replayed: " + GRANT + " published to " + run.normalized)
        .contains(" still failing: parse: malformed XML").contains(" not replayable: stage landing-elasticsearch");

    List<Patent> published = patents();
    assertThat(published).extracting(Patent::getPublicationKey).containsExactly(GRANT);
    assertThat(published.get(0).getVersion()).isEqualTo(1);

    List<DeadLetter> deadLetters = run.deadLetters();
    assertThat(deadLetters).hasSize(4);
    DeadLetter again = deadLetters.get(3);
    assertThat(again.getStage()).isEqualTo("parse");
    assertThat(again.getSourceFile()).endsWith("cut.xml");
    assertThat(again.getRaw()).isNotNull();

    Map<String, JsonNode> docs = run.deadLetterDocuments();
    assertThat(docs.values()).filteredOn(d -> d.has("replayed_at")).extracting(d -> d.get("stage").asText())
        .containsExactlyInAnyOrder("split", "parse");
  }

  @Test
  @Order(3)
  void replayingAgainPublishesNothingTwice() throws Exception {
    DeadLetterRun.Replay replay = run.replay("--reason-contains", "exceeds the maximum document size");
    assertThat(replay.result().replayed()).isEqualTo(1);
    assertThat(replay.output()).contains(GRANT + " is on " + run.normalized + " already with this content");
    assertThat(patents()).hasSize(1);
  }

  private static List<Patent> patents() throws Exception {
    TopicCodec<Patent> codec = LocalStack.reading(TopicCodec.patents());
    return LocalStack.committedValues(run.normalized).stream().map(v -> {
      try {
        return codec.decode(v);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }).toList();
  }
}
