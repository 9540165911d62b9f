package io.patent2tech.udfs.links;

import static org.assertj.core.api.Assertions.assertThat;

import io.patent2tech.schema.PatentLink;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The per-document link lists in Flink's keyed test harness, each link fed from both ends as the job does. */
class LinkedDocumentsTest {

  private KeyedOneInputStreamOperatorTestHarness<String, PatentLink, DocumentLinks> harness;

  @BeforeEach
  void open() throws Exception {
    harness = harness();
    harness.open();
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void aLinkGivesBothDocumentsTheOtherKey() throws Exception {
    feed(link("EP-1-A1", "EP-1-B1", "same-family", "strong"));

    assertThat(harness.extractOutputValues()).containsExactly(
        links("EP-1-A1", new String[] {"EP-1-B1"}, new String[0], new String[0]),
        links("EP-1-B1", new String[] {"EP-1-A1"}, new String[0], new String[0]));
  }

  @Test
  void eachUpdateCarriesTheWholeSortedListsOfEveryKind() throws Exception {
    feed(link("EP-1-A1", "US-9-B2", "same-family", "strong"));
    feed(link("EP-1-A1", "EP-1-B1", "same-family", "strong"));
    feed(link("EP-1-A1", "EP-1-B1", "same-application", "strong"));
    feed(link("EP-1-A1", "WO-5-A1", "near-duplicate", "strong"));

    assertThat(last("EP-1-A1")).isEqualTo(links("EP-1-A1",
        new String[] {"EP-1-B1", "US-9-B2"}, new String[] {"EP-1-B1"}, new String[] {"WO-5-A1"}));
    assertThat(last("WO-5-A1")).isEqualTo(links("WO-5-A1", new String[0], new String[0], new String[] {"EP-1-A1"}));
  }

  @Test
  void aLinkItHoldsAlreadyWritesNothing() throws Exception {
    feed(link("EP-1-A1", "EP-1-B1", "same-family", "strong"));
    int before = harness.extractOutputValues().size();

    feed(link("EP-1-A1", "EP-1-B1", "same-family", "strong"));

    assertThat(harness.extractOutputValues()).hasSize(before);
  }

  @Test
  void weakLinksAndLinksToItselfAreNotListed() throws Exception {
    feed(link("KR-3-A", "EP-1-A1", "priority", "weak"));
    feed(link("EP-1-A1", "EP-1-A1", "same-family", "strong"));

    assertThat(harness.extractOutputValues()).isEmpty();
  }

  @Test
  void theListsSurviveARestoreFromACheckpoint() throws Exception {
    feed(link("EP-1-A1", "EP-1-B1", "same-family", "strong"));
    OperatorSubtaskState snapshot = harness.snapshot(1, 1);
    harness.close();
    harness = harness();
    harness.initializeState(snapshot);
    harness.open();

    feed(link("EP-1-A1", "US-9-B2", "same-family", "strong"));

    assertThat(last("EP-1-A1").familyMembers).containsExactly("EP-1-B1", "US-9-B2");
  }

  @Test
  void flinkSerializesTheListsAsAPojoWithoutKryo() {
    assertThat(TypeInformation.of(DocumentLinks.class)).isInstanceOf(PojoTypeInfo.class);
  }

  @Test
  void theLeastKeyOfAFamilyRepresentsIt() {
    assertThat(links("EP-1-A1", new String[] {"EP-1-B1"}, new String[0], new String[0]).familyRepresentative())
        .isTrue();
    assertThat(links("EP-1-B1", new String[] {"EP-1-A1"}, new String[0], new String[0]).familyRepresentative())
        .isFalse();
    assertThat(links("US-2-B2", new String[0], new String[] {"US-1-A1"}, new String[0]).familyRepresentative())
        .isFalse();
    // a near-duplicate is not the same invention: it does not take the place of the document
    assertThat(links("WO-5-A1", new String[0], new String[0], new String[] {"EP-1-A1"}).familyRepresentative())
        .isTrue();
  }

  private void feed(PatentLink link) throws Exception {
    for (PatentLink end : LinkedDocuments.ends(link)) {
      harness.processElement(end, 1);
    }
  }

  private DocumentLinks last(String key) {
    List<DocumentLinks> written = harness.extractOutputValues().stream()
        .filter(links -> links.publicationKey.equals(key))
        .toList();
    assertThat(written).as("updates of %s", key).isNotEmpty();
    return written.get(written.size() - 1);
  }

  private static DocumentLinks links(String key, String[] family, String[] application, String[] duplicates) {
    return new DocumentLinks(key, family, application, duplicates);
  }

  private static PatentLink link(String from, String to, String kind, String strength) {
    return new PatentLink(from, to, kind, strength, null, null, "test", 1735787045000L);
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, PatentLink, DocumentLinks> harness() throws Exception {
    var harness = new KeyedOneInputStreamOperatorTestHarness<>(
        new KeyedProcessOperator<>(new LinkedDocuments()), PatentLink::getFromKey, Types.STRING);
    // the output travels as the job sends it: as a POJO, field by field
    harness.setup(TypeInformation.of(DocumentLinks.class).createSerializer(new SerializerConfigImpl()));
    return harness;
  }
}
