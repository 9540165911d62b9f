package io.patent2tech.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

import io.patent2tech.connectors.uspto.RawDocument;
import io.patent2tech.schema.DeadLetter;
import io.patent2tech.schema.Patent;

/**
 * The ingest job's parse step on each office's real files (fixtures/): a USPTO document, a saved
 * EPO OPS full-cycle response (two publications in one file), an OPS claims response (no record of
 * its own), a KIPRIS search page (rows without claims).
 */
class ParseOfficeDocumentsTest {

  private static final Path FIXTURES = Path.of(System.getProperty("p2t.fixtures"));

  /** Patents and dead letters for one file given whole, as the splitter gives an office response. */
  private record Parsed(List<Patent> patents, List<DeadLetter> deadLetters) {}

  private static Parsed parse(String relative) throws Exception {
    RawDocument doc = new RawDocument();
    doc.file = relative;
    doc.bytes = Files.readAllBytes(FIXTURES.resolve(relative));
    doc.size = doc.bytes.length;
    try (var h = new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(new ParseOfficeDocuments(1 << 20)))) {
      h.open();
      h.processElement(new StreamRecord<>(doc));
      List<Patent> patents = h.extractOutputValues();
      List<DeadLetter> dead = h.getSideOutput(ParseOfficeDocuments.DEAD_LETTERS) == null ? List.of()
          : h.getSideOutput(ParseOfficeDocuments.DEAD_LETTERS).stream().map(StreamRecord::getValue).toList();
      return new Parsed(patents, dead);
    }
  }

  @Test
  void aUsptoDocumentIsOnePatentOfTheUspto() throws Exception {
    Parsed p = parse("uspto/grant/US08930553.xml");
    assertThat(p.patents()).extracting(Patent::getPublicationKey).containsExactly("US-8930553-B2");
    assertThat(p.patents().get(0).getSource().getOffice()).isEqualTo("USPTO");
    assertThat(p.deadLetters()).isEmpty();
  }

  @Test
  void aSavedOpsFullCycleResponseIsOnePatentPerExchangeDocument() throws Exception {
    Parsed p = parse("epo-ops/published/test/full_cycle_example.xml");
    assertThat(p.patents()).extracting(Patent::getPublicationKey, Patent::getApplicationKey, Patent::getFamilyId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("EP-1000000-A1", "EP-99203729", "19768124"),
            org.assertj.core.groups.Tuple.tuple("EP-1000000-B1", "EP-99203729", "19768124"));
    assertThat(p.patents()).allSatisfy(patent -> {
      assertThat(patent.getSource().getOffice()).isEqualTo("EPO");
      assertThat(patent.getSource().getFile()).isEqualTo("epo-ops/published/test/full_cycle_example.xml");
    });
    assertThat(p.patents()).extracting(patent -> patent.getSource().getPosition()).containsExactly(0L, 1L);
    assertThat(p.deadLetters()).isEmpty();
  }

  @Test
  void anOpsClaimsResponseAloneIsOneDeadLetterThatSaysWhereItCanBeRead() throws Exception {
    Parsed p = parse("epo-ops/published/test/claims_example.xml");
    assertThat(p.patents()).isEmpty();
    assertThat(p.deadLetters()).singleElement().satisfies(d -> {
      assertThat(d.getSource()).isEqualTo("epo");
      assertThat(d.getStage()).isEqualTo("parse");
      assertThat(d.getReason()).contains("no exchange-document").contains("scripts/parse");
    });
  }

  @Test
  void aKiprisSearchPageGivesEachRowItsOwnDeadLetterWhenItLacksClaims() throws Exception {
    Parsed p = parse("kipris/neojune_enterprise_patent_120050421158_1.xml");
    assertThat(p.patents()).isEmpty();
    assertThat(p.deadLetters()).hasSize(14).allSatisfy(d -> {
      assertThat(d.getSource()).isEqualTo("kipris");
      assertThat(d.getReason()).contains("claims");
    });
    assertThat(p.deadLetters()).extracting(DeadLetter::getPosition).doesNotHaveDuplicates();
  }
}
