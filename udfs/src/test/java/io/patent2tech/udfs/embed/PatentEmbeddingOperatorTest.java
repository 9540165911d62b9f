package io.patent2tech.udfs.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.patent2tech.schema.LocalizedText;
import io.patent2tech.schema.Patent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.formats.avro.typeutils.AvroSerializer;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The operator in Flink's test harness, with the real model behind a recorder of batch sizes. */
class PatentEmbeddingOperatorTest {

  private static InProcessEmbedder model;
  private static List<Patent> patents;

  private RecordingEmbedder recorder;
  private OneInputStreamOperatorTestHarness<Patent, EmbeddedPatent> harness;

  @BeforeAll
  static void load() {
    model = new InProcessEmbedder(2);
    patents = FixturePatents.all();
  }

  @AfterAll
  static void unload() {
    model.close();
  }

  @AfterEach
  void closeHarness() throws Exception {
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  void embedsAFullBatchAtOnceWithTheModelsVectors() throws Exception {
    open(3, Duration.ofHours(1));

    harness.processElement(patents.get(0), 1L);
    harness.processElement(patents.get(1), 2L);
    assertThat(harness.extractOutputValues()).isEmpty();
    harness.processElement(patents.get(2), 3L);

    List<EmbeddedPatent> out = harness.extractOutputValues();
    assertThat(recorder.batchSizes).containsExactly(3);
    assertThat(out).extracting(embedded -> embedded.getPatent().getPublicationKey())
        .containsExactly(key(0), key(1), key(2));
    for (int i = 0; i < 3; i++) {
      assertThat(out.get(i).getModelId()).isEqualTo("bge-small-en-v1.5-q");
      assertThat(out.get(i).getVector())
          .containsExactly(model.embed(List.of(EmbeddingText.of(patents.get(i)))).get(0), within(1e-6f));
    }
  }

  @Test
  void embedsAPartialBatchWhenItsFirstPatentHasWaitedMaxWait() throws Exception {
    open(10, Duration.ofMillis(100));
    harness.setProcessingTime(1_000);

    harness.processElement(patents.get(0), 1L);
    harness.setProcessingTime(1_050);
    harness.processElement(patents.get(1), 2L);
    harness.setProcessingTime(1_099);
    assertThat(harness.extractOutputValues()).isEmpty();

    harness.setProcessingTime(1_100);
    assertThat(harness.extractOutputValues()).hasSize(2);
    assertThat(recorder.batchSizes).containsExactly(2);

    // the next batch has its own deadline: 1,150 + 100
    harness.setProcessingTime(1_150);
    harness.processElement(patents.get(2), 3L);
    harness.setProcessingTime(1_200);
    harness.processElement(patents.get(3), 4L);
    harness.setProcessingTime(1_249);
    assertThat(recorder.batchSizes).containsExactly(2);
    harness.setProcessingTime(1_250);
    assertThat(recorder.batchSizes).containsExactly(2, 2);
    assertThat(harness.extractOutputValues()).hasSize(4);
  }

  @Test
  void aBatchFlushedByCountDoesNotLeaveATimerThatCutsTheNextOneShort() throws Exception {
    open(2, Duration.ofMillis(100));
    harness.setProcessingTime(0);

    harness.processElement(patents.get(0), 1L);
    harness.processElement(patents.get(1), 2L);
    harness.setProcessingTime(60);
    harness.processElement(patents.get(2), 3L);
    harness.setProcessingTime(100);
    assertThat(recorder.batchSizes).containsExactly(2);
    harness.setProcessingTime(160);
    assertThat(recorder.batchSizes).containsExactly(2, 1);
  }

  @Test
  void embedsWhatIsBufferedBeforeTheCheckpointBarrier() throws Exception {
    open(10, Duration.ofHours(1));
    harness.processElement(patents.get(0), 1L);
    harness.processElement(patents.get(1), 2L);

    harness.prepareSnapshotPreBarrier(1L);

    assertThat(harness.extractOutputValues()).hasSize(2);
    assertThat(recorder.batchSizes).containsExactly(2);
    // nothing is left in the operator, so its snapshot holds no state of its own
    assertThat(harness.snapshot(1L, 10L).getManagedOperatorState()).isEmpty();
  }

  @Test
  void embedsWhatIsBufferedAtTheEndOfTheInput() throws Exception {
    open(10, Duration.ofHours(1));
    for (Patent patent : patents) {
      harness.processElement(patent, 1L);
    }

    harness.endInput();

    assertThat(harness.extractOutputValues()).hasSize(patents.size());
    assertThat(recorder.batchSizes).containsExactly(patents.size());
  }

  @Test
  void aWatermarkFollowsTheRecordsBeforeItWhichKeepTheirTimestamps() throws Exception {
    open(10, Duration.ofHours(1));
    harness.processElement(patents.get(0), 10L);
    harness.processElement(new StreamRecord<>(patents.get(1)));

    harness.processWatermark(new Watermark(10L));

    List<Object> out = new ArrayList<>(harness.getOutput());
    assertThat(out).hasSize(3);
    StreamRecord<?> first = (StreamRecord<?>) out.get(0);
    StreamRecord<?> second = (StreamRecord<?>) out.get(1);
    assertThat(first.hasTimestamp()).isTrue();
    assertThat(first.getTimestamp()).isEqualTo(10L);
    assertThat(second.hasTimestamp()).isFalse();
    assertThat(out.get(2)).isEqualTo(new Watermark(10L));
  }

  @Test
  void aPatentWithoutTextPassesWithoutAVectorAndWithoutAModelCall() throws Exception {
    open(3, Duration.ofHours(1));
    Patent empty = Patent.newBuilder(patents.get(0))
        .setPublicationKey("US-0000000-B1")
        .setTitles(List.of(new LocalizedText("en", " ")))
        .setAbstracts(List.of())
        .setClaims(List.of())
        .build();

    harness.processElement(patents.get(0), 1L);
    harness.processElement(empty, 2L);
    harness.processElement(patents.get(1), 3L);

    List<EmbeddedPatent> out = harness.extractOutputValues();
    assertThat(recorder.batchSizes).containsExactly(2);
    assertThat(out).extracting(EmbeddedPatent::hasVector).containsExactly(true, false, true);
    assertThat(out.get(1).getPatent().getPublicationKey()).isEqualTo("US-0000000-B1");
  }

  @Test
  void withObjectReuseABufferedPatentIsACopy() throws Exception {
    recorder = new RecordingEmbedder(model);
    harness = new OneInputStreamOperatorTestHarness<>(
        new PatentEmbeddingOperator(() -> recorder, 10, Duration.ofHours(1)),
        new AvroSerializer<>(Patent.class));
    harness.getExecutionConfig().enableObjectReuse();
    harness.open();
    Patent reused = Patent.newBuilder(patents.get(0)).build();

    harness.processElement(reused, 1L);
    // an upstream operator that reuses its output object overwrites it for the next record
    reused.setPublicationKey("US-9999999-B2");
    harness.endInput();

    assertThat(harness.extractOutputValues().get(0).getPatent().getPublicationKey()).isEqualTo(key(0));
  }

  @Test
  void closesItsEmbedder() throws Exception {
    open(10, Duration.ofHours(1));

    harness.close();
    harness = null;

    assertThat(recorder.closed).isTrue();
  }

  @Test
  void refusesSettingsThatCannotWork() {
    EmbedderFactory factory = new InProcessEmbedderFactory(1);
    assertThatThrownBy(() -> new PatentEmbeddingOperator(factory, 0, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("batchSize");
    assertThatThrownBy(() -> new PatentEmbeddingOperator(factory, 8, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxWait");
    assertThatThrownBy(() -> new InProcessEmbedderFactory(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private void open(int batchSize, Duration maxWait) throws Exception {
    recorder = new RecordingEmbedder(model);
    harness = new OneInputStreamOperatorTestHarness<>(
        new PatentEmbeddingOperator(() -> recorder, batchSize, maxWait));
    harness.open();
  }

  private static String key(int index) {
    return patents.get(index).getPublicationKey();
  }
}
