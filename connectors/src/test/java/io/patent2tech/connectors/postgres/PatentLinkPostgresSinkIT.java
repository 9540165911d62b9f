package io.patent2tech.connectors.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.patent2tech.schema.PatentLink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Lands patent links in a real PostgreSQL (a throw-away migrated schema): through a real Flink job
 * (MiniCluster), and over JDBC as the sink sends them where a test needs exact control of the order.
 */
class PatentLinkPostgresSinkIT {

  @RegisterExtension
  static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
      .setNumberTaskManagers(1)
      .setNumberSlotsPerTaskManager(2)
      .build());

  /** 2025-01-02T03:04:05Z */
  private static final long T0 = 1735787045000L;
  private static final String ROW = "SELECT from_key, to_key, kind, strength, shared_id, similarity, method, "
      + "first_seen, last_seen FROM patent_links";

  private PostgresTestDatabase database;

  @BeforeEach
  void migrate() throws SQLException {
    database = new PostgresTestDatabase();
    PostgresMigrations.migrate(database.settings());
  }

  @AfterEach
  void dropSchema() throws SQLException {
    database.close();
  }

  @Test
  void landsEveryFieldOfALinkThroughAFlinkJob() throws Exception {
    land(List.of(family("EP-1000000-A1", "EP-1000000-B1", T0),
        nearDuplicate("US-20150001-A1", "US-8930553-B2", 0.93, T0 + 1000)));

    assertThat(database.rows(ROW + " ORDER BY from_key")).containsExactly(
        Arrays.asList("EP-1000000-A1", "EP-1000000-B1", "same-family", "strong", "50000001", null,
            "docdb-family-id", Instant.ofEpochMilli(T0), Instant.ofEpochMilli(T0)),
        Arrays.asList("US-20150001-A1", "US-8930553-B2", "near-duplicate", "strong", null, 0.93,
            "minhash-lsh/jaccard-5-word-shingles", Instant.ofEpochMilli(T0 + 1000), Instant.ofEpochMilli(T0 + 1000)));
  }

  @Test
  void relandingTheSameLinksWritesNoRow() throws Exception {
    List<PatentLink> links = List.of(family("EP-1000000-A1", "EP-1000000-B1", T0),
        nearDuplicate("US-20150001-A1", "US-8930553-B2", 0.93, T0));
    land(links);
    String rowVersions = "SELECT from_key, xmin::text, updated_at FROM patent_links ORDER BY from_key";
    List<List<Object>> before = database.rows(rowVersions);

    land(links);

    assertThat(database.rows(rowVersions)).isEqualTo(before);
  }

  @Test
  void theEarliestFirstSeenStaysAndTheLatestIsLastSeen() throws Exception {
    call(family("EP-1000000-A1", "EP-1000000-B1", T0 + 5000));
    call(family("EP-1000000-A1", "EP-1000000-B1", T0));
    call(family("EP-1000000-A1", "EP-1000000-B1", T0 + 9000));

    assertThat(database.rows("SELECT first_seen, last_seen, count(*) OVER () FROM patent_links"))
        .containsExactly(List.of(Instant.ofEpochMilli(T0), Instant.ofEpochMilli(T0 + 9000), 1L));
  }

  @Test
  void aLinkVerifiedAgainTakesTheNewSimilarity() throws Exception {
    call(nearDuplicate("US-20150001-A1", "US-8930553-B2", 0.93, T0));
    call(nearDuplicate("US-20150001-A1", "US-8930553-B2", 0.95, T0));

    assertThat(database.rows("SELECT similarity, first_seen FROM patent_links"))
        .containsExactly(List.of(0.95, Instant.ofEpochMilli(T0)));
  }

  @Test
  void theSamePairLinkedTwoWaysIsTwoRows() throws Exception {
    call(family("EP-1000000-A1", "EP-1000000-B1", T0),
        link("EP-1000000-A1", "EP-1000000-B1", "same-application", "strong", "EP-00123456", null, "application-key"));

    assertThat(database.rows("SELECT kind FROM patent_links ORDER BY kind"))
        .containsExactly(List.of("same-application"), List.of("same-family"));
  }

  @Test
  void theFamilyIsEveryPublicationReachableOverStrongFamilyAndApplicationLinks() throws Exception {
    call(
        // A1 and B1 of one EP application, both in DOCDB family 50000001 with a US grant
        link("EP-1000000-A1", "EP-1000000-B1", "same-application", "strong", "EP-00123456", null, "application-key"),
        family("EP-1000000-B1", "US-9000000-B2", T0),
        // one more step: the US grant's pre-grant publication
        link("US-20140001-A1", "US-9000000-B2", "same-application", "strong", "US-13000001", null, "application-key"),
        // not family: a near-duplicate and a weak priority claim
        nearDuplicate("EP-1000000-A1", "WO-2015000001-A1", 0.97, T0),
        link("KR-1020150001-A", "EP-1000000-A1", "priority", "weak", "EP-00123456", null, "related-document"));

    assertThat(database.rows("SELECT publication_key, depth FROM p2t_family('EP-1000000-A1') ORDER BY depth, 1"))
        .containsExactly(List.of("EP-1000000-A1", 0), List.of("EP-1000000-B1", 1), List.of("US-9000000-B2", 2),
            List.of("US-20140001-A1", 3));
    // the same family seen from its other end
    assertThat(database.rows("SELECT count(*) FROM p2t_family('US-20140001-A1')")).containsExactly(List.of(4L));
    assertThat(database.rows("SELECT publication_key, depth FROM p2t_family('WO-2015000001-A1')"))
        .containsExactly(List.of("WO-2015000001-A1", 0));
  }

  @Test
  void aFamilyWhereEveryMemberLinksEveryOtherEndsAtOneStep() throws Exception {
    List<String> keys = IntStream.range(0, 12).mapToObj(i -> "EP-10000" + (10 + i) + "-A1").toList();
    List<PatentLink> clique = IntStream.range(0, keys.size()).boxed()
        .flatMap(i -> keys.subList(i + 1, keys.size()).stream().map(other -> family(keys.get(i), other, T0)))
        .toList();
    call(clique.toArray(PatentLink[]::new));

    assertThat(database.rows("SELECT count(*), max(depth) FROM p2t_family(?)", keys.get(5)))
        .containsExactly(List.of(12L, 1));
  }

  @Test
  void manyLinksLandInBatchesFromParallelWriters() throws Exception {
    List<PatentLink> links = IntStream.range(0, 250)
        .mapToObj(i -> family("EP-" + (2000000 + i) + "-A1", "EP-" + (2000000 + i) + "-B1", T0 + i))
        .toList();

    land(links);

    assertThat(database.rows("SELECT count(*), min(first_seen), max(first_seen) FROM patent_links"))
        .containsExactly(List.of(250L, Instant.ofEpochMilli(T0), Instant.ofEpochMilli(T0 + 249)));
  }

  private static PatentLink family(String from, String to, long firstSeen) {
    return PatentLink.newBuilder(link(from, to, "same-family", "strong", "50000001", null, "docdb-family-id"))
        .setFirstSeen(firstSeen)
        .build();
  }

  private static PatentLink nearDuplicate(String from, String to, double similarity, long firstSeen) {
    return PatentLink.newBuilder(
            link(from, to, "near-duplicate", "strong", null, similarity, "minhash-lsh/jaccard-5-word-shingles"))
        .setFirstSeen(firstSeen)
        .build();
  }

  private static PatentLink link(String from, String to, String kind, String strength, String sharedId,
      Double similarity, String method) {
    return new PatentLink(from, to, kind, strength, sharedId, similarity, method, T0);
  }

  /** One statement per link, in this order, as the sink's writer sends them. */
  private void call(PatentLink... links) throws SQLException {
    try (Connection connection = database.connect();
        PreparedStatement call = connection.prepareStatement(PatentLinkPostgresSink.UPSERT)) {
      for (PatentLink link : links) {
        PatentLinkPostgresSink.bind(call, link);
        call.addBatch();
      }
      call.executeBatch();
    }
  }

  private void land(List<PatentLink> links) throws Exception {
    SinkJobs.land(links, PatentLinkPostgresSink.create(database.settings(), 16, 0), "postgres link landing test");
  }
}
