package io.patent2tech.udfs.links.near;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.patent2tech.schema.Patent;
import io.patent2tech.schema.PatentLink;

/**
 * {@link NearDuplicates#links} as a real Flink job on a MiniCluster: parallelism 2 (keys and
 * buckets on different subtasks), the RocksDB state backend (nothing may need the heap backend),
 * generic types off (every record travels with a Flink serializer, never Kryo), over the
 * constructed cases of issue 10 made from real fixture texts.
 */
class NearDuplicatesJobTest {

  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder()
          .setNumberTaskManagers(1)
          .setNumberSlotsPerTaskManager(2)
          .build());

  private static final String BASE = "US-8926509-B2";
  private static final String COPY = "US-99000001-B2";
  private static final String CHANGED_CLAIM = "US-99000002-B2";
  private static final String RETYPESET = "US-99000003-B2";
  private static final String CONTINUATION = "US-99000004-B2";
  private static final String GERMAN_COPY = "US-99000005-B2";

  private static Patent base;
  private static Patent changedClaim;
  private static List<Patent> cases;

  @BeforeAll
  static void buildCases() {
    base = ConstructedCases.base();
    assertThat(base.getPublicationKey()).isEqualTo(BASE);
    changedClaim = ConstructedCases.withChangedClaim(base, CHANGED_CLAIM);
    Patent other = ConstructedCases.parse("grant/US08927118.xml");
    cases = List.of(
        base,
        ConstructedCases.exactCopy(base, COPY),
        changedClaim,
        ConstructedCases.retypeset(base, RETYPESET),
        ConstructedCases.continuation(base, other, CONTINUATION),
        ConstructedCases.inLanguage(base, GERMAN_COPY, "de"),
        other,
        ConstructedCases.inCpcGroup(ConstructedCases.parse("application/ipa20180000016.xml"), "A01B 63/32"),
        ConstructedCases.inCpcGroup(ConstructedCases.parse("application/ipa20200022300.xml"), "A01B 63/32"));
  }

  @Test
  void copiesEditedAndRetypesetCopiesLinkEachPairOnceAndNothingElseLinks() throws Exception {
    List<PatentLink> links = run(cases, NearDuplicateSettings.defaults());

    // base, exact copy, changed claim and re-typeset copy are four texts of one document: 6 pairs;
    // the continuation (new claims), the German copy and the unrelated documents link to nothing
    assertThat(links).extracting(l -> l.getFromKey() + " " + l.getToKey()).containsExactlyInAnyOrder(
        BASE + " " + COPY, BASE + " " + CHANGED_CLAIM, BASE + " " + RETYPESET,
        COPY + " " + CHANGED_CLAIM, COPY + " " + RETYPESET, CHANGED_CLAIM + " " + RETYPESET);
    for (PatentLink link : links) {
      assertThat(link.getFromKey()).isLessThan(link.getToKey());
      assertThat(link.getKind()).isEqualTo("near-duplicate");
      assertThat(link.getStrength()).isEqualTo("strong");
      assertThat(link.getSharedId()).isNull();
      assertThat(link.getMethod()).isEqualTo("minhash-lsh/jaccard-5-word-shingles");
      assertThat(link.getFirstSeen()).isPositive();
    }
    Map<String, Double> similarity = links.stream()
        .collect(Collectors.toMap(l -> l.getFromKey() + " " + l.getToKey(), PatentLink::getSimilarity));
    assertThat(similarity.get(BASE + " " + COPY)).isEqualTo(1.0);
    assertThat(similarity.get(BASE + " " + RETYPESET)).as("typesetting does not count").isEqualTo(1.0);
    double changed = exactSimilarity(base, changedClaim);
    assertThat(changed).isBetween(0.9, 0.999);
    assertThat(similarity.get(BASE + " " + CHANGED_CLAIM)).isCloseTo(changed, within(1e-12));
  }

  @Test
  void theContinuationAndTheUnrelatedDocumentsAreFarBelowTheThreshold() {
    // not just missed by LSH: the exact similarity says they are different documents
    Patent continuation = cases.get(4);
    assertThat(exactSimilarity(base, continuation)).isLessThan(0.5);
    assertThat(exactSimilarity(cases.get(7), cases.get(8))).isLessThan(0.05);
  }

  @Test
  void aNewVersionUnderTheSameKeyDoesNotLinkToItself() throws Exception {
    Patent v2 = ConstructedCases.withChangedClaim(base, BASE); // same key, new text
    assertThat(exactSimilarity(base, v2)).isGreaterThan(0.9);
    assertThat(run(List.of(base, v2, base), NearDuplicateSettings.defaults())).isEmpty();
  }

  @Test
  void theThresholdDecides() throws Exception {
    double changed = exactSimilarity(base, changedClaim);
    List<PatentLink> strict = run(List.of(base, changedClaim),
        NearDuplicateSettings.defaults().withThreshold(Math.nextUp(changed)));
    assertThat(strict).isEmpty();
  }

  @Test
  void everyOperatorHasAStableUidAndAName() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    NearDuplicates.links(env.fromData(List.of(base), new AvroTypeInfo<>(Patent.class)), NearDuplicateSettings.defaults())
        .print();
    List<String> uids = env.getStreamGraph().getStreamNodes().stream()
        .map(node -> node.getTransformationUID()).filter(uid -> uid != null).sorted().toList();
    assertThat(uids).containsExactly("near-duplicates-buckets", "near-duplicates-candidates",
        "near-duplicates-shingle", "near-duplicates-shingle-sets", "near-duplicates-verify");
  }

  private static double exactSimilarity(Patent a, Patent b) {
    int k = NearDuplicateSettings.defaults().shingleSize();
    return Jaccard.similarity(WordShingles.of(ShingleText.words(ShingleText.of(a)), k),
        WordShingles.of(ShingleText.words(ShingleText.of(b)), k));
  }

  private static List<PatentLink> run(List<Patent> patents, NearDuplicateSettings settings) throws Exception {
    Configuration config = new Configuration();
    config.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
    env.setStateBackend(new EmbeddedRocksDBStateBackend());
    env.setParallelism(2);
    return NearDuplicates.links(env.fromData(patents, new AvroTypeInfo<>(Patent.class)), settings)
        .executeAndCollect(100);
  }
}
