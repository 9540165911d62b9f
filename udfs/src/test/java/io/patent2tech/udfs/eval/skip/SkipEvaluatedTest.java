package io.patent2tech.udfs.eval.skip;

import static org.assertj.core.api.Assertions.assertThat;

import io.patent2tech.schema.Patent;
import io.patent2tech.udfs.eval.EvalPatents;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroSerializer;
import org.apache.flink.streaming.api.operators.StreamFilter;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The skip stage in Flink's keyed test harness, with the ledger in memory. */
class SkipEvaluatedTest {

  private static final String FINGERPRINT = "fp-1";

  private final InMemoryLedger ledger = new InMemoryLedger();
  private KeyedOneInputStreamOperatorTestHarness<String, Patent, Patent> harness;

  @BeforeEach
  void open() throws Exception {
    harness = harness(ledger);
    harness.open();
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void aPatentWhoseEvaluationLandedWithTheSameContentAndSettingsIsDropped() throws Exception {
    ledger.land("US-1-B2", "h1", FINGERPRINT);

    harness.processElement(EvalPatents.patent("US-1-B2", "US", "h1"), 1);

    assertThat(passed()).isEmpty();
    assertThat(ledger.asked).isEqualTo(1);
  }

  @Test
  void otherContentOrOtherSettingsAreEvaluated() throws Exception {
    ledger.land("US-1-B2", "h1", "fp-0");
    ledger.land("US-2-B2", "old", FINGERPRINT);

    harness.processElement(EvalPatents.patent("US-1-B2", "US", "h1"), 1);
    harness.processElement(EvalPatents.patent("US-2-B2", "US", "new"), 2);

    assertThat(passed()).containsExactly("US-1-B2", "US-2-B2");
  }

  @Test
  void aDuplicateArrivingBeforeTheFirstCopyLandedIsDroppedByKeyedState() throws Exception {
    harness.processElement(EvalPatents.patent("US-1-B2", "US", "h1"), 1);
    harness.processElement(EvalPatents.patent("US-1-B2", "US", "h1"), 2);
    harness.processElement(EvalPatents.patent("US-1-B2", "US", "h2"), 3);

    assertThat(passed()).hasSize(2);
    assertThat(harness.extractOutputValues()).extracting(Patent::getContentHash)
        .containsExactly("h1", "h2");
    assertThat(ledger.asked).as("the remembered hash answers without asking").isEqualTo(2);
  }

  @Test
  void theRememberedHashSurvivesARestoreFromASnapshot() throws Exception {
    harness.processElement(EvalPatents.patent("US-1-B2", "US", "h1"), 1);
    var snapshot = harness.snapshot(1, 10);
    harness.close();

    harness = harness(ledger);
    harness.initializeState(snapshot);
    harness.open();
    harness.processElement(EvalPatents.patent("US-1-B2", "US", "h1"), 2);

    assertThat(passed()).isEmpty();
  }

  @Test
  void whenTheLedgerCannotAnswerThePatentIsEvaluated() throws Exception {
    ledger.failing = true;

    harness.processElement(EvalPatents.patent("US-1-B2", "US", "h1"), 1);

    assertThat(passed()).containsExactly("US-1-B2");
  }

  @Test
  void theLedgerIsOpenedInOpenAndClosedWithTheOperator() throws Exception {
    assertThat(ledger.closed).isFalse();
    harness.close();
    assertThat(ledger.closed).isTrue();
    harness = harness(ledger);
    harness.open();
  }

  private List<String> passed() {
    return harness.extractOutputValues().stream().map(Patent::getPublicationKey).toList();
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, Patent, Patent> harness(
      InMemoryLedger ledger) throws Exception {
    var harness = new KeyedOneInputStreamOperatorTestHarness<>(
        new StreamFilter<>(new SkipEvaluated(ledger.factory(), FINGERPRINT, Duration.ofDays(1))),
        Patent::getPublicationKey, Types.STRING);
    harness.setup(new AvroSerializer<>(Patent.class));
    return harness;
  }
}
