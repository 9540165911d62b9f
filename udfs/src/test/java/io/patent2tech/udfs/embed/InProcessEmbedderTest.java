package io.patent2tech.udfs.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real ONNX model: shape of its output, what it finds similar, and what it does with Korean. */
class InProcessEmbedderTest {

  static final String BATTERY_EN = "The present invention relates to a negative electrode active material "
      + "for a secondary battery and a method of manufacturing the same.";
  static final String ANODE_EN = "A method of producing an anode material for a lithium-ion battery is disclosed.";
  static final String STEW_EN = "This evening I ate kimchi stew with friends.";
  /** BATTERY_EN in Korean */
  static final String BATTERY_KO = "본 발명은 이차전지용 음극 활물질 및 그 제조방법에 관한 것이다.";
  /** ANODE_EN in Korean */
  static final String ANODE_KO = "리튬 이온 배터리의 애노드 재료를 제조하는 방법이 개시된다.";
  /** STEW_EN in Korean */
  static final String STEW_KO = "오늘 저녁에는 친구들과 함께 김치찌개를 먹었다.";

  private static InProcessEmbedder embedder;

  @BeforeAll
  static void load() {
    embedder = new InProcessEmbedder(2);
  }

  @AfterAll
  static void close() {
    embedder.close();
  }

  @Test
  void unitVectorsOfTheDeclaredDimensionInInputOrder() {
    List<float[]> vectors = embedder.embed(List.of(BATTERY_EN, STEW_EN, BATTERY_EN));

    assertThat(embedder.modelId()).isEqualTo("bge-small-en-v1.5-q");
    assertThat(vectors).hasSize(3);
    for (float[] vector : vectors) {
      assertThat(vector).hasSize(InProcessEmbedder.DIMENSION);
      assertThat(Vectors.cosine(vector, vector)).isCloseTo(1.0, within(1e-6));
      assertThat(norm(vector)).isCloseTo(1.0, within(1e-5));
    }
    assertThat(vectors.get(2)).containsExactly(vectors.get(0));
    assertThat(embedder.embed(List.of(STEW_EN)).get(0)).containsExactly(vectors.get(1), within(1e-6f));
  }

  @Test
  void relatedEnglishTextsClearTheRetrievalThresholdUnrelatedOnesDoNot() {
    List<float[]> v = embedder.embed(List.of(BATTERY_EN, ANODE_EN, STEW_EN));

    // measured 0.728 and 0.323; retrieval keeps matches of 0.6 and more
    assertThat(Vectors.cosine(v.get(0), v.get(1))).isCloseTo(0.73, within(0.03));
    assertThat(Vectors.cosine(v.get(0), v.get(2))).isCloseTo(0.32, within(0.03));
  }

  /**
   * The model is English-only (docs/embeddings.md): every Korean sentence lands near every other
   * one, whatever it says, and a Korean sentence is no nearer its English translation than an
   * unrelated English one. These numbers are in the docs; the test keeps them true.
   */
  @Test
  void koreanTextIsNotUnderstood() {
    List<float[]> v = embedder.embed(List.of(BATTERY_KO, ANODE_KO, STEW_KO, BATTERY_EN, STEW_EN));

    double relatedKorean = Vectors.cosine(v.get(0), v.get(1));
    double unrelatedKorean = Vectors.cosine(v.get(0), v.get(2));
    double translation = Vectors.cosine(v.get(0), v.get(3));
    double unrelatedAcross = Vectors.cosine(v.get(0), v.get(4));

    assertThat(relatedKorean).isCloseTo(0.91, within(0.03));
    assertThat(unrelatedKorean).isCloseTo(0.79, within(0.03)).isGreaterThan(0.6);
    assertThat(translation).isCloseTo(0.52, within(0.03)).isLessThan(0.6);
    assertThat(translation - unrelatedAcross).isLessThan(0.1);
  }

  @Test
  void textsLongerThanTheWindowAreEmbeddedFromTheirFirst510Tokens() {
    String head = String.join(" ", FixturePatents.parse("grant/US08930553.xml").getClaims().stream()
        .map(claim -> claim.getText()).toList());
    assertThat(embedder.tokenCount(head)).isGreaterThan(InProcessEmbedder.MAX_TOKENS);
    String longer = head + " " + STEW_EN.repeat(50);

    float[] cut = embedder.embed(List.of(longer)).get(0);
    float[] headOnly = embedder.embed(List.of(head)).get(0);

    // both are cut inside the claims, before the appended sentences
    assertThat(cut).containsExactly(headOnly, within(1e-6f));
  }

  @Test
  void blankTextsAreRefusedWithTheirPosition() {
    assertThatThrownBy(() -> embedder.embed(Arrays.asList(BATTERY_EN, " ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("text 1 of 2 is blank");
    assertThatThrownBy(() -> embedder.embed(Arrays.asList((String) null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("text 0 of 1 is null");
    assertThat(embedder.embed(List.of())).isEmpty();
  }

  /**
   * Texts run side by side, one core each, from every embedder of the JVM at once (they share one
   * ONNX session and one permit per core): each vector is still the one its text gets alone.
   */
  @Test
  void embeddersRunningAtOnceGiveEachTextTheVectorItGetsAlone() throws Exception {
    List<String> texts = List.of(BATTERY_EN, ANODE_EN, STEW_EN, BATTERY_KO, ANODE_KO, STEW_KO);
    List<float[]> alone = new ArrayList<>();
    for (String text : texts) {
      alone.add(embedder.embed(List.of(text)).get(0));
    }
    ExecutorService callers = Executors.newFixedThreadPool(3);
    try (Embedder second = new InProcessEmbedder(3);
        Embedder third = new InProcessEmbedderFactory(4).create()) {
      List<Future<List<float[]>>> calls = new ArrayList<>();
      for (Embedder each : List.of(embedder, second, third)) {
        calls.add(callers.submit(() -> each.embed(texts)));
      }
      for (Future<List<float[]>> call : calls) {
        List<float[]> vectors = call.get(60, TimeUnit.SECONDS);
        for (int i = 0; i < texts.size(); i++) {
          assertThat(vectors.get(i)).as("text %d", i).containsExactly(alone.get(i), within(1e-6f));
        }
      }
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void theDefaultFactoryRunsOneTextPerCoreOfTheMachineItRunsOn() {
    assertThat(InProcessEmbedderFactory.defaults().threads())
        .isEqualTo(InProcessEmbedderFactory.ONE_PER_CORE);
    assertThat(InProcessEmbedderFactory.defaults().threadsHere())
        .isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(new InProcessEmbedderFactory(3).threadsHere()).isEqualTo(3);
  }

  private static double norm(float[] vector) {
    double sum = 0;
    for (float component : vector) {
      sum += component * component;
    }
    return Math.sqrt(sum);
  }
}
