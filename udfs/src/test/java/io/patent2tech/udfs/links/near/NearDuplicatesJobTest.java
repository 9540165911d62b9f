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
  private static final String REPLACED_CLAIM = "US-99000006-B2";

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
        // the new claim set comes from a patent outside the run: a document made mostly of another
        // one's claims is, by the word ratio, a near-duplicate of that one, which is not this case
        ConstructedCases.continuation(base, ConstructedCases.parse("grant/US08930553.xml"), CONTINUATION),
        ConstructedCases.inLanguage(base, GERMAN_COPY, "de"),
        ConstructedCases.withReplacedClaim(base, other, REPLACED_CLAIM),
        other,
        ConstructedCases.inCpcGroup(ConstructedCases.parse("application/ipa20180000016.xml"), "A01B 63/32"),
        ConstructedCases.inCpcGroup(ConstructedCases.parse("application/ipa20200022300.xml"), "A01B 63/32"));
  }

  @Test
  void copiesEditedAndRetypesetCopiesLinkEachPairOnceAndNothingElseLinks() throws Exception {
    List<PatentLink> links = run(cases, NearDuplicateSettings.defaults());

    // base, exact copy, changed claim, replaced claim and re-typeset copy are five texts of one
    // document: 10 pairs; the continuation (new claims), the German copy (another language's
    // buckets) and the unrelated documents of one CPC group link to nothing
    List<String> one = List.of(BASE, COPY, CHANGED_CLAIM, REPLACED_CLAIM, RETYPESET);
    List<String> expected = new java.util.ArrayList<>();
    for (int i = 0; i < one.size(); i++) {
      for (int j = i + 1; j < one.size(); j++) {
        String a = one.get(i), b = one.get(j);
        expected.add(a.compareTo(b) < 0 ? a + " " + b : b + " " + a);
      }
    }
    assertThat(links).extracting(l -> l.getFromKey() + " " + l.getToKey())
        .containsExactlyInAnyOrderElementsOf(expected);
    for (PatentLink link : links) {
      assertThat(link.getFromKey()).isLessThan(link.getToKey());
      assertThat(link.getKind()).isEqualTo("near-duplicate");
      assertThat(link.getStrength()).isEqualTo("strong");
      assertThat(link.getSharedId()).isNull();
      assertThat(link.getMethod()).isEqualTo("minhash-lsh-3-word-shingles/word-ratio");
      assertThat(link.getFirstSeen()).isPositive();
    }
    Map<String, Double> similarity = links.stream()
        .collect(Collectors.toMap(l -> l.getFromKey() + " " + l.getToKey(), PatentLink::getSimilarity));
    assertThat(similarity.get(BASE + " " + COPY)).isEqualTo(1.0);
    assertThat(similarity.get(BASE + " " + RETYPESET)).as("typesetting does not count").isEqualTo(1.0);
    double changed = exactSimilarity(base, changedClaim);
    assertThat(changed).isBetween(0.9, 0.999);
    assertThat(similarity.get(BASE + " " + CHANGED_CLAIM)).isCloseTo(changed, within(1e-12));
    double replaced = exactSimilarity(base, cases.get(6));
    assertThat(replaced).isBetween(0.9, 0.99);
    assertThat(similarity.get(BASE + " " + REPLACED_CLAIM)).isCloseTo(replaced, within(1e-12));
  }

  @Test
  void theContinuationAndTheUnrelatedDocumentsAreFarBelowTheThreshold() {
    // not just missed by LSH: the exact similarity says they are different documents
    Patent continuation = cases.get(4);
    assertThat(exactSimilarity(base, continuation)).isLessThan(0.5);
    assertThat(exactSimilarity(cases.get(8), cases.get(9))).isLessThan(0.3);
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
    // the verification's measure, low key first as the job orders the pair
    Patent low = a.getPublicationKey().compareTo(b.getPublicationKey()) < 0 ? a : b;
    Patent high = low == a ? b : a;
    return SequenceMatcherRatio.wordRatio(WordShingles.tokens(ShingleText.words(ShingleText.of(low))),
        WordShingles.tokens(ShingleText.words(ShingleText.of(high))));
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
