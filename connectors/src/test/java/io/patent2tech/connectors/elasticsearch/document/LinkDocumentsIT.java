package io.patent2tech.connectors.elasticsearch.document;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.GetResponse;
import io.patent2tech.connectors.elasticsearch.CollectingDeadLetters;
import io.patent2tech.connectors.elasticsearch.ElasticsearchTestIndex;
import io.patent2tech.connectors.elasticsearch.MeteredMiniCluster;
import io.patent2tech.connectors.elasticsearch.index.PatentIndex;
import io.patent2tech.connectors.elasticsearch.sink.ElasticsearchBulkSink;
import io.patent2tech.connectors.json.SamplePatents;
import io.patent2tech.schema.PatentLink;
import io.patent2tech.udfs.links.LinkedDocuments;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Links landed on the patents' documents as the landing job does it (both ends, keyed lists,
 * {@link ElasticsearchBulkSink#forLinks}), in a real Flink job (MiniCluster) against a real
 * Elasticsearch without scripting, before and after the patents themselves.
 */
class LinkDocumentsIT {

  private static final MeteredMiniCluster CLUSTER = new MeteredMiniCluster(1);

  @RegisterExtension
  static final MiniClusterExtension FLINK = CLUSTER.extension();

  private static final String KEY = "US-8930553-B2";
  private static final String DESIGN = "US-D701016-S1";

  private ElasticsearchTestIndex es;
  private CollectingDeadLetters deadLetters;

  @BeforeEach
  void createIndex() {
    es = new ElasticsearchTestIndex();
    PatentIndex.ensure(es.settings());
    deadLetters = new CollectingDeadLetters();
  }

  @AfterEach
  void deleteIndex() throws IOException {
    es.close();
  }

  @Test
  void linksOfALandedPatentAddTheListsAndKeepItsFields() throws Exception {
    land();

    links(List.of(link(KEY, "US-20140001-A1", "same-application"), link("EP-2000001-B1", KEY, "same-family"),
        link(KEY, "WO-2015000001-A1", "near-duplicate"), link("EP-2000000-A1", KEY, "same-family")));

    Map<String, Object> source = es.get(KEY).source();
    assertThat(source)
        .containsEntry("family_members", List.of("EP-2000000-A1", "EP-2000001-B1"))
        .containsEntry("application_members", List.of("US-20140001-A1"))
        .containsEntry("near_duplicates", List.of("WO-2015000001-A1"))
        .containsEntry("family_representative", false)
        .containsEntry("title", "Managing mid-dialog session initiation protocol (SIP) messages")
        .containsEntry("claim_count", 8);
    assertThat(deadLetters.published()).isEmpty();
  }

  @Test
  void theOtherEndOfALinkGetsItToo() throws Exception {
    links(List.of(link(KEY, "WO-2015000001-A1", "near-duplicate"), link(DESIGN, KEY, "same-family")));

    assertThat(es.get("WO-2015000001-A1").source())
        .containsEntry("near_duplicates", List.of(KEY))
        .containsEntry("family_members", List.of())
        .containsEntry("family_representative", true);
    assertThat(es.get(DESIGN).source())
        .containsEntry("family_members", List.of(KEY))
        .containsEntry("family_representative", false);
  }

  @Test
  void aPatentLandingAfterItsLinksKeepsThem() throws Exception {
    links(List.of(link(KEY, "WO-2015000001-A1", "near-duplicate")));
    // the links alone created the document, with its key
    assertThat(es.get(KEY).source())
        .containsEntry("publication_key", KEY)
        .doesNotContainKey("title");

    land();

    assertThat(es.count()).isEqualTo(2);
    assertThat(es.get(KEY).source())
        .containsEntry("near_duplicates", List.of("WO-2015000001-A1"))
        .containsEntry("title", "Managing mid-dialog session initiation protocol (SIP) messages");
  }

  @Test
  void theSameListsWrittenAgainChangeNothing() throws Exception {
    // a new job starts with empty lists, so one link gives the same lists as before; the running
    // job sends nothing at all for a link it holds (LinkedDocumentsTest)
    List<PatentLink> links = List.of(link(KEY, "WO-2015000001-A1", "near-duplicate"));
    links(links);
    GetResponse<Map<String, Object>> before = es.get(KEY);

    links(links);

    GetResponse<Map<String, Object>> after = es.get(KEY);
    assertThat(after.seqNo()).isEqualTo(before.seqNo());
    assertThat(after.version()).isEqualTo(before.version());
  }

  @Test
  void weakLinksLeaveTheDocumentAlone() throws Exception {
    land();
    GetResponse<Map<String, Object>> before = es.get(KEY);

    links(List.of(new PatentLink("KR-1020150001-A", KEY, "priority", "weak", "US-13648029", null,
        "related-document", 1735787045000L)));

    assertThat(es.get(KEY).seqNo()).isEqualTo(before.seqNo());
    assertThat(es.get("KR-1020150001-A").found()).isFalse();
  }

  private static PatentLink link(String from, String to, String kind) {
    return new PatentLink(from, to, kind, "strong", null, kind.equals("near-duplicate") ? 0.96 : null, "test",
        1735787045000L);
  }

  private void land() throws Exception {
    StreamExecutionEnvironment env = MeteredMiniCluster.environment();
    env.fromData(List.of(SamplePatents.sipGrant())).sinkTo(ElasticsearchBulkSink.forPatents(es.settings(), deadLetters));
    env.execute("landing");
  }

  /** The landing job's link path: each link from both ends, the lists per document, the sink. */
  private void links(List<PatentLink> links) throws Exception {
    StreamExecutionEnvironment env = MeteredMiniCluster.environment();
    env.fromData(links)
        .flatMap(new LinkedDocuments.Ends())
        .keyBy(new LinkedDocuments.ByFromKey())
        .process(new LinkedDocuments())
        .sinkTo(ElasticsearchBulkSink.forLinks(es.settings(), deadLetters));
    env.execute("link landing");
  }
}
