package io.patent2tech.connectors.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.patent2tech.connectors.json.AvroJson;
import io.patent2tech.connectors.json.SamplePatents;
import io.patent2tech.schema.DocumentId;
import io.patent2tech.schema.LocalizedText;
import io.patent2tech.schema.Patent;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Lands patents in a real PostgreSQL through a real Flink job (MiniCluster). */
class PatentPostgresSinkIT {

  @RegisterExtension
  static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
      .setNumberTaskManagers(1)
      .setNumberSlotsPerTaskManager(2)
      .build());

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
  void landsPatentsWithAllChildRows() throws Exception {
    land(List.of(SamplePatents.sipGrant(), SamplePatents.cheeseDesign()));

    List<List<Object>> patent = rows("SELECT country, number, kind, publication_date, application_key, "
        + "application_number, application_date, document_type, title, version, source_file, "
        + "record ->> 'content_hash' = content_hash, ingest_time = to_timestamp(1420545600) "
        + "FROM patents WHERE publication_key = 'US-8930553-B2'");
    assertThat(patent).containsExactly(List.of("US", "8930553", "B2", LocalDate.of(2015, 1, 6), "US-13648029",
        "13648029", LocalDate.of(2012, 10, 9), "utility",
        "Managing mid-dialog session initiation protocol (SIP) messages", 1, "US08930553.xml", true, true));

    assertThat(rows("SELECT count(*), count(*) FILTER (WHERE independent) FROM claims "
        + "WHERE publication_key = 'US-8930553-B2'")).containsExactly(List.of(8L, 2L));
    assertThat(rows("SELECT claim_number, depends_on FROM claims "
        + "WHERE publication_key = 'US-8930553-B2' AND sequence = 5")).containsExactly(List.of(5, List.of(4)));
    assertThat(rows("SELECT scheme, symbol, is_first, inventive, scheme_version FROM classifications "
        + "WHERE publication_key = 'US-8930553-B2' ORDER BY sequence LIMIT 1"))
        .containsExactly(List.of("IPC", "G06F 15/16", true, true, "20060101"));
    assertThat(rows("SELECT role, count(*) FROM parties WHERE publication_key = 'US-8930553-B2' "
        + "GROUP BY role ORDER BY role"))
        .containsExactly(List.of("agent", 1L), List.of("applicant", 1L), List.of("assignee", 1L),
            List.of("inventor", 3L));
    assertThat(rows("SELECT name, first_name, last_name, city, country FROM parties "
        + "WHERE publication_key = 'US-8930553-B2' AND role = 'inventor' AND sequence = 2"))
        .containsExactly(List.of("Brian Pulito", "Brian", "Pulito", "Lexington", "US"));
    assertThat(rows("SELECT citation_type, country, number, kind, date, cited_by FROM citations "
        + "WHERE publication_key = 'US-8930553-B2' ORDER BY sequence LIMIT 2"))
        .containsExactly(List.of("patent", "US", "7844851", "B2", "2010-11", "applicant"),
            List.of("patent", "US", "2007/0220302", "A1", "2007-09", "examiner"));
    assertThat(rows("SELECT npl_text FROM citations WHERE publication_key = 'US-8930553-B2' "
        + "AND citation_type = 'npl'")).hasSize(1);
    assertThat(rows("SELECT count(*) FROM figures WHERE publication_key = 'US-8930553-B2'"))
        .containsExactly(List.of(6L));

    assertThat(rows("SELECT title, abstract, document_type FROM patents WHERE publication_key = 'US-D701016-S1'"))
        .containsExactly(Arrays.asList("Cheese in form of a triangular pyramid", null, "design"));
    assertThat(rows("SELECT figure_id, file, figure_numbers, view_text FROM figures "
        + "WHERE publication_key = 'US-D701016-S1' AND sequence = 2"))
        .containsExactly(List.of("Fig-EMI-D00001", "USD0701016-20140318-D00001.TIF", List.of("2", "3"),
            "FIG. 2 is another perspective view thereof; FIG. 3 is another perspective view thereof"));
    assertThat(rows("SELECT relation, country, number, date FROM related_documents "
        + "WHERE publication_key = 'US-D701016-S1'"))
        .containsExactly(List.of("priority", "EM", "001184956-0001", "2009-12-10"));
    assertThat(rows("SELECT count(*) FROM dead_letters")).containsExactly(List.of(0L));
  }

  @Test
  void relandingTheSameRecordsChangesNoRow() throws Exception {
    List<Patent> patents = List.of(SamplePatents.sipGrant(), SamplePatents.cheeseDesign());
    land(patents);
    String rowVersions = "SELECT p.publication_key, p.xmin::text, p.updated_at, "
        + "(SELECT array_agg(c.xmin::text ORDER BY c.sequence) FROM claims c "
        + " WHERE c.publication_key = p.publication_key) "
        + "FROM patents p ORDER BY p.publication_key";
    List<List<Object>> before = rows(rowVersions);

    land(patents);

    assertThat(rows(rowVersions)).isEqualTo(before);
    assertThat(rows("SELECT count(*) FROM claims")).containsExactly(List.of(9L));
  }

  @Test
  void newContentReplacesTheRowAndAllItsChildren() throws Exception {
    Patent first = SamplePatents.sipGrant();
    land(List.of(first));
    List<List<Object>> firstSeen = rows("SELECT first_seen, updated_at FROM patents");

    Patent corrected = Patent.newBuilder(first)
        .setClaims(first.getClaims().subList(0, 3))
        .setFigures(List.of())
        .setContentHash(SamplePatents.sha256("US-8930553-B2 corrected"))
        .setVersion(2)
        .setIngestTime(first.getIngestTime() + 1000)
        .build();
    land(List.of(corrected));

    assertThat(rows("SELECT version, content_hash FROM patents"))
        .containsExactly(List.of(2, corrected.getContentHash()));
    assertThat(rows("SELECT first_seen FROM patents")).containsExactly(List.of(firstSeen.get(0).get(0)));
    assertThat(rows("SELECT updated_at > first_seen FROM patents")).containsExactly(List.of(true));
    assertThat(rows("SELECT claim_number FROM claims ORDER BY sequence"))
        .containsExactly(List.of(1), List.of(2), List.of(3));
    assertThat(rows("SELECT count(*) FROM figures")).containsExactly(List.of(0L));
    assertThat(rows("SELECT count(*) FROM parties")).containsExactly(List.of(6L));
  }

  @Test
  void aReplayedOlderVersionDoesNotOverwriteANewerOne() throws Exception {
    Patent first = SamplePatents.sipGrant();
    Patent corrected = Patent.newBuilder(first)
        .setContentHash(SamplePatents.sha256("US-8930553-B2 corrected"))
        .setVersion(2)
        .setIngestTime(first.getIngestTime() + 1000)
        .build();
    land(List.of(corrected));
    land(List.of(first));

    assertThat(rows("SELECT version, content_hash FROM patents"))
        .containsExactly(List.of(2, corrected.getContentHash()));
  }

  @Test
  void aRecordTheTablesCannotHoldBecomesADeadLetterAndTheOthersLand() throws Exception {
    Patent impossibleDate = Patent.newBuilder(SamplePatents.withKey(SamplePatents.sipGrant(), "US-8930554-B2"))
        .setPublication(new DocumentId("US", "8930554", "B2", "2015-02-30"))
        .build();
    List<Patent> patents = List.of(SamplePatents.sipGrant(), impossibleDate, SamplePatents.cheeseDesign());

    land(patents);
    land(patents);

    assertThat(rows("SELECT publication_key FROM patents ORDER BY 1"))
        .containsExactly(List.of("US-8930553-B2"), List.of("US-D701016-S1"));
    assertThat(rows("SELECT count(*) FROM claims WHERE publication_key = 'US-8930554-B2'"))
        .containsExactly(List.of(0L));
    List<List<Object>> deadLetters = rows("SELECT source, stage, publication_key, reason, error_class, "
        + "source_file, position, convert_from(raw, 'UTF8') = ?, raw_size FROM dead_letters",
        AvroJson.toJson(impossibleDate));
    assertThat(deadLetters).hasSize(1);
    assertThat(deadLetters.get(0)).containsExactly("patents.normalized", "landing-postgres", "US-8930554-B2",
        "date/time field value out of range: \"2015-02-30\"", "SQLSTATE 22008", "US08930553.xml", 0L, true,
        (long) AvroJson.toJson(impossibleDate).getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void jsonPostgresCannotReadBecomesADeadLetter() throws Exception {
    Patent withNul = Patent.newBuilder(SamplePatents.sipGrant())
        .setTitles(List.of(new LocalizedText("en", "broken \u0000 title")))
        .build();

    land(List.of(withNul));

    assertThat(rows("SELECT count(*) FROM patents")).containsExactly(List.of(0L));
    assertThat(rows("SELECT publication_key, error_class, reason FROM dead_letters"))
        .containsExactly(Arrays.asList(null, "SQLSTATE 22P05", "unsupported Unicode escape sequence"));
  }

  @Test
  void pgjdbcBatchesCallStatements() throws Exception {
    List<Patent> patents = IntStream.range(0, 5)
        .mapToObj(i -> SamplePatents.withKey(SamplePatents.sipGrant(), "US-900000" + i + "-B1"))
        .toList();
    try (Connection connection = database.connect();
        PreparedStatement call = connection.prepareStatement(PatentPostgresSink.UPSERT)) {
      for (Patent patent : patents) {
        PatentPostgresSink.bind(call, patent);
        call.addBatch();
      }
      assertThat(call.executeBatch()).hasSize(5);
    }

    assertThat(rows("SELECT count(*) FROM patents")).containsExactly(List.of(5L));
    assertThat(rows("SELECT count(*) FROM claims")).containsExactly(List.of(40L));
  }

  @Test
  void manyRecordsLandInBatchesFromParallelWriters() throws Exception {
    List<Patent> patents = IntStream.range(0, 250)
        .mapToObj(i -> SamplePatents.withKey(
            i % 2 == 0 ? SamplePatents.sipGrant() : SamplePatents.cheeseDesign(), "US-" + (7000000 + i) + "-B2"))
        .toList();

    land(patents);

    assertThat(rows("SELECT count(*) FROM patents")).containsExactly(List.of(250L));
    assertThat(rows("SELECT count(*) FROM claims")).containsExactly(List.of(125L * 8 + 125L));
  }

  private void land(List<Patent> patents) throws Exception {
    SinkJobs.land(patents, PatentPostgresSink.create(database.settings(), 16, 0), "postgres landing test");
  }

  private List<List<Object>> rows(String sql, Object... parameters) throws SQLException {
    return database.rows(sql, parameters);
  }

}
