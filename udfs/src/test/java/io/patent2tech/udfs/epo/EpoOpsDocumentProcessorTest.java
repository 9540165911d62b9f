package io.patent2tech.udfs.epo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.patent2tech.schema.Citation;
import io.patent2tech.schema.Classification;
import io.patent2tech.schema.Claim;
import io.patent2tech.schema.DescriptionSection;
import io.patent2tech.schema.DocumentId;
import io.patent2tech.schema.LocalizedText;
import io.patent2tech.schema.Party;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.RelatedDocument;
import io.patent2tech.schema.Source;
import io.patent2tech.udfs.DocumentRejectedException;
import io.patent2tech.udfs.Fixtures;

/**
 * The EPO OPS chain against captured OPS responses (fixtures/epo-ops). Expected values were read by
 * hand from the XML files named in each test.
 */
class EpoOpsDocumentProcessorTest {

  private static final String EP1000000_BIBLIO = "published/test/expected/ep1000000_biblio_result.xml";
  private static final String EP1000000_CLAIMS = "published/test/claims_example.xml";
  private static final String EP1000000_DESCRIPTION = "published/test/description_example.xml";
  private static final long NOW = 1_700_000_000_000L;

  private final EpoOpsDocumentProcessor processor = new EpoOpsDocumentProcessor();
  private final EpoOpsDocumentProcessor biblioOnly = new EpoOpsDocumentProcessor(false);

  private static Source where(String file) {
    return new Source("EPO", null, file, null, 0L, null,
        "GET /3.2/rest-services/published-data/publication/docdb/EP.1000000.A1/biblio", "run-1");
  }

  private Patent ep1000000() throws DocumentRejectedException {
    return processor.process(Fixtures.epoBytes(EP1000000_BIBLIO), Fixtures.epoBytes(EP1000000_CLAIMS),
        Fixtures.epoBytes(EP1000000_DESCRIPTION), where(EP1000000_BIBLIO), NOW);
  }

  @Test
  void ep1000000PublicationApplicationFamily() throws Exception {
    Patent p = ep1000000();
    assertThat(p.getPublicationKey()).isEqualTo("EP-1000000-A1");
    assertThat(p.getPublication()).isEqualTo(new DocumentId("EP", "1000000", "A1", "2000-05-17"));
    assertThat(p.getApplicationKey()).isEqualTo("EP-99203729");
    assertThat(p.getApplication().getNumber()).isEqualTo("99203729");
    assertThat(p.getApplication().getDate()).isEqualTo("1999-11-08"); // only the epodoc variant has it
    assertThat(p.getFamilyId()).isEqualTo("19768124");
    assertThat(p.getDocumentType()).isEqualTo("utility");
    assertThat(p.getLanguage()).isEqualTo("en"); // claims lang="EN"
    assertThat(p.getIngestTime()).isEqualTo(NOW);
    assertThat(p.getContentHash()).hasSize(64);
    assertThat(p.getRelatedDocuments()).extracting(RelatedDocument::getRelation, r -> r.getDocument().getCountry(),
        r -> r.getDocument().getNumber(), r -> r.getDocument().getDate())
        .containsExactly(tuple("priority", "NL", "1010536", "1998-11-12"));
  }

  @Test
  void ep1000000TitlesAbstractParties() throws Exception {
    Patent p = ep1000000();
    assertThat(p.getTitles()).extracting(LocalizedText::getLang, LocalizedText::getText).containsExactly(
        tuple("de", "Vorrichtung zur Herstellung von Steinformlingen für die Ziegelindustrie"),
        tuple("fr", "Dispositif pour la fabrication de briques crues utilisées dans l'industrie manufacturière"
            + " des briques"),
        tuple("en", "Apparatus for manufacturing green bricks for the brick manufacturing industry"));
    assertThat(p.getAbstracts()).hasSize(1);
    assertThat(p.getAbstracts().get(0).getLang()).isEqualTo("en");
    assertThat(p.getAbstracts().get(0).getText())
        .startsWith("The invention relates to an apparatus (1) for manufacturing green bricks from clay")
        .endsWith("on at least one side of the green bricks. <IMAGE>");
    // epodoc entries (one per party, country from "[NL]"); the 'original' spellings are not repeated
    assertThat(p.getApplicants()).extracting(Party::getName, Party::getCountry, Party::getSequence)
        .containsExactly(tuple("BOER BEHEER NIJMEGEN BV DE", "NL", 1));
    assertThat(p.getInventors()).extracting(Party::getName, Party::getCountry)
        .containsExactly(tuple("KOSMAN WILHELMUS JACOBUS MARIA", "NL"));
  }

  @Test
  void ep1000000Classifications() throws Exception {
    Patent p = ep1000000();
    assertThat(p.getClassifications()).extracting(Classification::getScheme, Classification::getSymbol,
        Classification::getFirst, Classification::getInventive).containsExactly(
        tuple("IPC", "B28B 1/29", true, true),
        tuple("IPC", "B28B 5/02", false, true),
        tuple("IPC", "B28B 7/00", false, true),
        tuple("IPC", "H02P 6/08", false, true),
        // six CPCI entries, each given twice (generating office US and EP): duplicates dropped
        tuple("CPC", "B28B 1/29", true, true),
        tuple("CPC", "B28B 5/022", false, true),
        tuple("CPC", "B28B 7/0064", false, true));
  }

  @Test
  void ep1000000Citations() throws Exception {
    Patent p = ep1000000();
    assertThat(p.getCitations()).extracting(Citation::getType, Citation::getDocument, Citation::getCitedBy,
        Citation::getSequence).containsExactly(
        tuple("patent", new DocumentId("DE", "3546191", "A1", "1987-07-02"), "examiner", 1),
        tuple("patent", new DocumentId("EP", "0680812", "A1", "1995-11-08"), "examiner", 2),
        tuple("patent", new DocumentId("NL", "9400663", "A", "1995-12-01"), "examiner", 3));
  }

  @Test
  void ep1000000ClaimsOneClaimTextPerClaim() throws Exception {
    List<Claim> claims = ep1000000().getClaims();
    assertThat(claims).hasSize(11);
    assertThat(claims).extracting(Claim::getNumber).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
    Claim first = claims.get(0);
    assertThat(first.getIndependent()).isTrue();
    assertThat(first.getDependsOn()).isEmpty();
    assertThat(first.getText()).startsWith("Apparatus for manufacturing green bricks from clay");
    assertThat(claims.get(1).getText()).startsWith("Apparatus as claimed in claim 1, wherein the edge-forming");
    assertThat(claims.get(1).getDependsOn()).containsExactly(1);
    assertThat(claims.get(2).getDependsOn()).containsExactly(1, 2); // "claim 1 or 2"
    assertThat(claims.get(3).getDependsOn()).containsExactly(1, 2, 3); // "any of the foregoing claims"
    assertThat(claims.get(7).getDependsOn()).containsExactly(4, 5, 6, 7); // "claim 4, 5, 6 or 7"
    assertThat(claims.get(10).getDependsOn()).containsExactly(10);
    assertThat(claims.stream().filter(Claim::getIndependent)).hasSize(1);
  }

  @Test
  void ep1000000Description() throws Exception {
    Patent p = ep1000000();
    List<DescriptionSection> sections = p.getDescription();
    // 22 numbered paragraphs, no heading paragraph: one section
    assertThat(sections).hasSize(1);
    assertThat(sections.get(0).getSection()).isEqualTo("other");
    assertThat(sections.get(0).getHeading()).isNull();
    String[] paragraphs = sections.get(0).getText().split("\n");
    assertThat(paragraphs).hasSize(22);
    assertThat(paragraphs[0]).startsWith("The invention relates to an apparatus for manufacturing green bricks");
    assertThat(paragraphs[1]).isEqualTo(
        "A recent demand has developed on the market for bricks which appear as if they have been manufactured"
            + " according to traditional methods.");
  }

  @Test
  void sourceIsCopiedWithProductAndOffice() throws Exception {
    Source s = ep1000000().getSource();
    assertThat(s.getOffice()).isEqualTo("EPO");
    assertThat(s.getProduct()).isEqualTo("epo-ops 3.2 biblio+claims+description");
    assertThat(s.getFile()).isEqualTo(EP1000000_BIBLIO);
    assertThat(s.getRequest()).startsWith("GET /3.2/rest-services/published-data/");
    assertThat(s.getCollectionRun()).isEqualTo("run-1");

    Patent biblio = biblioOnly.process(Fixtures.epoBytes(EP1000000_BIBLIO), null, null, null, NOW);
    assertThat(biblio.getSource().getProduct()).isEqualTo("epo-ops 3.2 biblio");
    assertThat(biblio.getSource().getFile()).isEmpty();
    assertThat(biblio.getClaims()).isEmpty();
    assertThat(biblio.getLanguage()).isEqualTo("en"); // from the abstract when there is no full text
  }

  @Test
  void ep2400812SingleIpcClaimsInOneElementDescriptionHeadings() throws Exception {
    Patent p = processor.process(Fixtures.epoBytes("patent-dev/get_biblio_response.xml"),
        Fixtures.epoBytes("patent-dev/get_claims_response.xml"),
        Fixtures.epoBytes("patent-dev/get_description_response.xml"), where("get_biblio_response.xml"), NOW);
    assertThat(p.getPublicationKey()).isEqualTo("EP-2400812-A1");
    assertThat(p.getPublication().getDate()).isEqualTo("2011-12-28");
    assertThat(p.getFamilyId()).isEqualTo("43088294");
    assertThat(p.getApplicationKey()).isEqualTo("EP-10167109");
    assertThat(p.getTitles()).extracting(LocalizedText::getLang, LocalizedText::getText).containsExactly(
        tuple("de", "BLUETOOTH-VERNETZUNG"), tuple("fr", "MISE EN RÉSEAU BLUETOOTH"),
        tuple("en", "BLUETOOTH NETWORKING"));
    // a single classification-ipcr, fixed-width text "H04W  84/    20            A I"
    assertThat(p.getClassifications()).extracting(Classification::getScheme, Classification::getSymbol,
        Classification::getInventive).containsExactly(
        tuple("IPC", "H04W 84/20", true),
        tuple("CPC", "H04W 84/20", true),
        tuple("CPC", "H04W 88/04", false));
    // epodoc "9SOLUTIONS OY\u2002[FI]" once; the two 'original' spellings are not added
    assertThat(p.getApplicants()).extracting(Party::getName, Party::getCountry)
        .containsExactly(tuple("9SOLUTIONS OY", "FI"));
    assertThat(p.getInventors()).extracting(Party::getName)
        .containsExactly("HERRALA SAMI", "KYLMAENEN JARI", "NIEMI JAAKKO");

    // 15 claims, all in one <claim> as separate claim-text elements with raw newlines
    List<Claim> claims = p.getClaims();
    assertThat(claims).hasSize(15);
    assertThat(claims.get(0).getText()).startsWith("A communication device (100) comprising: a first Bluetooth");
    assertThat(claims).filteredOn(Claim::getIndependent).extracting(Claim::getNumber).containsExactly(1, 15);
    assertThat(claims.get(3).getDependsOn()).containsExactly(2, 3); // "claim 2 or 3"
    assertThat(claims.get(4).getDependsOn()).containsExactly(1, 2, 3, 4); // "any preceding claim"
    assertThat(claims.get(9).getDependsOn()).containsExactly(7, 8, 9); // "any preceding claim 7 to 9"
    assertThat(claims.get(13).getDependsOn()).containsExactly(13);

    // heading paragraphs ("Field", " Background ", ...) open sections
    assertThat(p.getDescription()).extracting(DescriptionSection::getHeading, DescriptionSection::getSection)
        .containsExactly(
            tuple("Field", "other"),
            tuple("Background", "background"),
            tuple("Brief description", "summary"),
            tuple("List of drawings", "brief-description-of-drawings"),
            tuple("Description of embodiments", "detailed-description"));
    assertThat(p.getDescription().get(0).getText())
        .isEqualTo("The invention relates to the field of wireless networking and, particularly, to implementation"
            + " of a Bluetooth network.");
  }

  @Test
  void usDocumentWithUspcAndManyCitations() throws Exception {
    // US2006142694A1: 9 patent-classification entries of scheme UC (USPC), 99 patcit
    Patent p = biblioOnly.process(Fixtures.epoBytes("published/test/biblio_example.xml"), null, null, null, NOW);
    assertThat(p.getPublicationKey()).isEqualTo("US-20060142694-A1");
    assertThat(p.getClassifications()).filteredOn(c -> c.getScheme().equals("USPC")).extracting(
        Classification::getSymbol).hasSize(9).startsWith("600/585", "604/95.01", "604/95.04", "604/264");
    assertThat(p.getCitations()).hasSize(99).allMatch(c -> c.getType().equals("patent"));
  }

  @Test
  void processorSurvivesJavaSerialization() throws Exception {
    // a Flink operator holds one: it must serialize and work after the round trip
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(processor);
    }
    EpoOpsDocumentProcessor copy;
    try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
        new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (EpoOpsDocumentProcessor) in.readObject();
    }
    assertThat(copy.process(Fixtures.epoBytes(EP1000000_BIBLIO), Fixtures.epoBytes(EP1000000_CLAIMS), null, null,
        NOW).getClaims()).hasSize(11);
  }

  @Test
  void fullCycleHoldsTwoDocumentsAndAnIndexPicksOne() throws Exception {
    byte[] fullCycle = Fixtures.epoBytes("published/test/full_cycle_example.xml");
    Patent b1 = biblioOnly.process(fullCycle, 1, null, null, where("full_cycle_example.xml"), NOW);
    assertThat(b1.getPublicationKey()).isEqualTo("EP-1000000-B1");
    assertThat(b1.getAbstracts()).isEmpty(); // B1 documents have no abstract
    assertThat(b1.getSource().getPosition()).isZero();
    assertThatThrownBy(() -> biblioOnly.process(fullCycle, 2, null, null, null, NOW))
        .isInstanceOfSatisfying(DocumentRejectedException.class, e -> {
          assertThat(e.stage()).isEqualTo("parse");
          assertThat(e.reason()).contains("holds 2");
        });
  }

  @Test
  void claimsOfAnotherPublicationAreRejected() {
    assertThatThrownBy(() -> processor.process(Fixtures.epoBytes(EP1000000_BIBLIO),
        Fixtures.epoBytes("published/test/claims_example_2.xml"), null, null, NOW))
        .isInstanceOfSatisfying(DocumentRejectedException.class, e -> {
          assertThat(e.stage()).isEqualTo("parse");
          assertThat(e.reason()).isEqualTo("the claims response is for WO-2009085664-A2, not EP-1000000-A1");
          assertThat(e.publicationKey()).isEqualTo("EP-1000000-A1");
        });
  }

  @Test
  void biblioWithoutClaimsIsRejectedByTheDefaultProcessor() {
    assertThatThrownBy(() -> processor.process(Fixtures.epoBytes(EP1000000_BIBLIO), null, null, null, NOW))
        .isInstanceOfSatisfying(DocumentRejectedException.class, e -> {
          assertThat(e.stage()).isEqualTo("validate");
          assertThat(e.reason()).contains("claims");
        });
  }

  @Test
  void truncatedXmlIsAParseRejection() {
    byte[] full = Fixtures.epoBytes(EP1000000_BIBLIO);
    byte[] truncated = Arrays.copyOf(full, full.length / 2);
    assertThatThrownBy(() -> processor.process(truncated, null, null, null, NOW))
        .isInstanceOfSatisfying(DocumentRejectedException.class, e -> {
          assertThat(e.stage()).isEqualTo("parse");
          assertThat(e.reason()).startsWith("malformed XML in biblio response: ").contains("line ");
        });
    byte[] claims = Fixtures.epoBytes(EP1000000_CLAIMS);
    assertThatThrownBy(() -> processor.process(full, Arrays.copyOf(claims, claims.length - 40), null, null, NOW))
        .isInstanceOfSatisfying(DocumentRejectedException.class, e -> {
          assertThat(e.stage()).isEqualTo("parse");
          assertThat(e.reason()).startsWith("malformed XML in claims response: ");
        });
  }

  @Test
  void jsonDumpWithXmlExtensionIsAParseRejection() {
    // fixtures/PROVENANCE.md: this ".xml" is a patent_client JSON dump, not an OPS response
    assertThatThrownBy(() -> processor.process(
        Fixtures.epoBytes("published/fixtures/ep1000000_description_result.xml"), null, null, null, NOW))
        .isInstanceOfSatisfying(DocumentRejectedException.class, e -> {
          assertThat(e.stage()).isEqualTo("parse");
          assertThat(e.reason()).startsWith("not XML: biblio response starts with \"{");
        });
  }

  @Test
  void exchangeDocumentWithoutPublicationNumberIsRejected() {
    String xml = new String(Fixtures.epoBytes(EP1000000_BIBLIO), StandardCharsets.UTF_8);
    int from = xml.indexOf("<publication-reference>");
    int to = xml.indexOf("</publication-reference>") + "</publication-reference>".length();
    String edited = (xml.substring(0, from) + xml.substring(to)).replace(" doc-number=\"1000000\"", "");
    assertThat(edited).doesNotContain("1000000");
    assertThatThrownBy(() -> biblioOnly.process(edited.getBytes(StandardCharsets.UTF_8), null, null, null, NOW))
        .isInstanceOfSatisfying(DocumentRejectedException.class, e -> {
          assertThat(e.stage()).isEqualTo("validate");
          assertThat(e.reason()).isEqualTo("missing required field: publication.number");
        });
  }

  @Test
  void documentWithoutTitleIsRejected() {
    // JP2005533465A: no invention-title, no abstract in the OPS biblio
    assertThatThrownBy(() -> biblioOnly.process(Fixtures.epoBytes("published/test/biblio_example_2.xml"),
        null, null, null, NOW))
        .isInstanceOfSatisfying(DocumentRejectedException.class, e -> {
          assertThat(e.stage()).isEqualTo("validate");
          assertThat(e.reason()).isEqualTo("missing required field: title");
          assertThat(e.publicationKey()).isEqualTo("JP-2005533465-A");
        });
  }

  @Test
  void responseWithoutExchangeDocumentIsRejected() {
    assertThatThrownBy(() -> processor.process(Fixtures.epoBytes("published/test/search_example.xml"), null, null,
        null, NOW))
        .isInstanceOfSatisfying(DocumentRejectedException.class, e -> {
          assertThat(e.stage()).isEqualTo("parse");
          assertThat(e.reason()).isEqualTo("no exchange-document in the biblio response");
        });
  }
}
