package io.patent2tech.udfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.patent2tech.schema.Citation;
import io.patent2tech.schema.Claim;
import io.patent2tech.schema.Classification;
import io.patent2tech.schema.DescriptionSection;
import io.patent2tech.schema.Figure;
import io.patent2tech.schema.Party;
import io.patent2tech.schema.Patent;

/**
 * Every 2001-2004 XML fixture (PAP v1.5 pre-grant publications, ST.32 "pg" grants) through parse ->
 * normalize -> validate, against values read by hand from the XML files: PAP
 * {@code document-id}/{@code domestic-filing-data}/{@code title-of-invention}/{@code claim}
 * {@code dependent-claim-reference}/{@code classification-ipc-primary}/{@code inventors}/
 * {@code figure}; ST.32 B110/B130/B140/B220/B540/{@code CLM CLREF}/B511/B721/{@code SDODR EMI}.
 */
class UsptoLegacyFixturesTest {

  /** One row of hand-checked expectations. */
  static final class Expected {
    final String file;
    final String key;
    final String kind;
    final String date;
    final String filingDate;
    final String title;
    final int claims;
    final int dependentClaim;        // 0: the document has no dependent claim
    final List<Integer> dependsOn;
    final String firstScheme;
    final String firstSymbol;
    final List<String> inventors;
    final int figures;
    final String applicationNumber;
    final String viewFigureId;       // null: no figure gets a view
    final List<String> viewNumbers;
    final String viewText;
    final String product;

    Expected(String file, String key, String kind, String date, String filingDate, String title, int claims,
             int dependentClaim, List<Integer> dependsOn, String firstScheme, String firstSymbol,
             List<String> inventors, int figures, String applicationNumber, String viewFigureId,
             List<String> viewNumbers, String viewText, String product) {
      this.file = file;
      this.key = key;
      this.kind = kind;
      this.date = date;
      this.filingDate = filingDate;
      this.title = title;
      this.claims = claims;
      this.dependentClaim = dependentClaim;
      this.dependsOn = dependsOn;
      this.firstScheme = firstScheme;
      this.firstSymbol = firstSymbol;
      this.inventors = inventors;
      this.figures = figures;
      this.applicationNumber = applicationNumber;
      this.viewFigureId = viewFigureId;
      this.viewNumbers = viewNumbers;
      this.viewText = viewText;
      this.product = product;
    }

    @Override
    public String toString() {
      return file;
    }
  }

  static Stream<Expected> legacy() {
    return Stream.of(
        // PAP with an XHTML DOCTYPE and no XML declaration: no version to report; claims carry no
        // dependent-claim-reference, the dependency comes from "The method of claim 1"
        new Expected("application/US20010000044A1.xml", "US-20010000044-A1", "A1", "2001-03-15", "1999-06-29",
            "Systems and Methods For Transacting Business Over A Global Communications Network Such As The Internet",
            21, 21, List.of(20), "IPC", "G06F 17/60", List.of("Wayne W Lin"), 2, "09342866", null, null, null,
            "patent-application-publication"),
        new Expected("application/US20010000943A1.xml", "US-20010000943-A1", "A1", "2001-05-10", "2000-12-04",
            "Organic electroluminescence device and method of manufacturing same", 13, 3, List.of(2),
            "IPC", "H01J 1/62", List.of("Kenichi Fukuoka", "Mitsura Eida"), 35, "09727454",
            "figure-D00001", List.of("1"),
            "FIG. 1 shows a cross-sectional view of the organic EL device in the first and second embodiments.",
            "patent-application-publication v1.5 2001-01-31"),
        new Expected("application/US20010009014A1.xml", "US-20010009014-A1", "A1", "2001-07-19", "2001-02-05",
            "Facilitating real-time, multi-point communications over the internet", 55, 2, List.of(1),
            "IPC", "G06F 15/16", List.of("James A. Savage III", "Sophie Muller"), 14, "09777392",
            "figure-D00002", List.of("2A", "2B"),
            "FIGS. 2a and 2b are flow diagrams illustrating the addition of a client to a conference according to a"
                + " specific embodiment of the invention",
            "patent-application-publication v1.5 2001-01-31"),
        new Expected("application/pa20010031492.xml", "US-20010031492-A1", "A1", "2001-10-18", "2000-12-01",
            "Assay reagent", 17, 3, List.of(2), "IPC", "C12N 1/20",
            List.of("Jay Lewington", "Katherine Isles", "Sandy Primrose"), 8, "09728320",
            "figure-D00002", List.of("2"),
            "FIG. 2 is a graph to show the light output from five separate vials of reconstituted assay reagent. The"
                + " assay reagent was prepared from recombinant bioluminescent E. coil exposed to 1.5 mg/ml"
                + " Zeocin\u2122 for 300 minutes. Five vials were used to reduce discrepancies resulting from vial to"
                + " vial variation.",
            "patent-application-publication v1.5 2001-01-31"),
        new Expected("legacy/pg06442728.xml", "US-6442728-B1", "B1", "2002-08-27", "1999-03-04",
            "Methods and apparatus for turbo code", 35, 2, List.of(1), "IPC", "H03M 13/00",
            List.of("Jian Cui", "Bin Li", "Weng Tong", "Rui R. Wang"), 6, "09263431",
            "EMI-D00001", List.of("1"), "FIG. 1 depicts a diagram of a conventional turbo encoder.",
            "PATDOC DTD 2.5"),
        new Expected("legacy/US06336130.xml", "US-6336130-B1", "B1", "2002-01-01", "1999-10-05",
            "Arrangement for improving availability of services in a communication system", 22, 5, List.of(4),
            "IPC", "G06F 15/16", List.of("Thanh Van Do"), 4, "09413215", null, null, null, "PATDOC DTD 2.5"),
        // design: Locarno 14-02 in B511 (edition 7), no abstract, one ornamental claim, 14 views in one
        // paragraph for 5 sheets: no sheet gets a FIG number
        new Expected("legacy/USD435854S1.xml", "US-D435854-S", "S", "2001-01-02", "1999-01-06",
            "Disc cartridge", 1, 0, List.of(), "LOCARNO", "14-02",
            List.of("Hiroyoshi Takagi", "Hikaru Mizutani", "Kenji Ohta", "Noriaki Kitani", "Takao Enomoto",
                "Hiroshi Nakashima", "Yasushi Kojima", "Toshiyuki Toyofuku"),
            5, "29116510", null, null, null, "PATDOC DTD 2.4"));
  }

  private final UsptoDocumentProcessor processor = new UsptoDocumentProcessor();

  private Patent process(String file) throws DocumentRejectedException {
    return processor.process(Fixtures.bytes(file), Fixtures.source(file, 0), 1_700_000_000_000L);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("legacy")
  void handCheckedValues(Expected e) throws Exception {
    Patent p = process(e.file);

    assertThat(p.getPublicationKey()).isEqualTo(e.key);
    assertThat(p.getPublication().getCountry()).isEqualTo("US");
    assertThat(p.getPublication().getKind()).isEqualTo(e.kind);
    assertThat(p.getPublication().getDate()).isEqualTo(e.date);
    assertThat(p.getApplication().getNumber()).isEqualTo(e.applicationNumber);
    assertThat(p.getApplication().getDate()).isEqualTo(e.filingDate);
    assertThat(p.getApplicationKey()).isEqualTo("US-" + e.applicationNumber);
    assertThat(p.getTitles()).hasSize(1);
    assertThat(p.getTitles().get(0).getText()).isEqualTo(e.title);
    assertThat(p.getTitles().get(0).getLang()).isEqualTo("en");
    assertThat(p.getLanguage()).isEqualTo("en");

    assertThat(p.getClaims()).hasSize(e.claims);
    for (int i = 0; i < p.getClaims().size(); i++) {
      assertThat(p.getClaims().get(i).getNumber()).isEqualTo(i + 1);
      assertThat(p.getClaims().get(i).getText()).isNotBlank().doesNotContain("  ").doesNotStartWith(" ")
          .doesNotStartWith((i + 1) + ".");
    }
    assertThat(p.getClaims().get(0).getIndependent()).isTrue();
    if (e.dependentClaim > 0) {
      Claim c = p.getClaims().get(e.dependentClaim - 1);
      assertThat(c.getDependsOn()).containsExactlyElementsOf(e.dependsOn);
      assertThat(c.getIndependent()).isFalse();
    } else {
      assertThat(p.getClaims()).allSatisfy(c -> assertThat(c.getDependsOn()).isEmpty());
    }

    Classification first = p.getClassifications().get(0);
    assertThat(first.getScheme()).isEqualTo(e.firstScheme);
    assertThat(first.getSymbol()).isEqualTo(e.firstSymbol);
    assertThat(first.getFirst()).isTrue();
    assertThat(p.getClassifications()).extracting(Classification::getScheme).doesNotContain("CPC");

    assertThat(p.getInventors()).extracting(Party::getName).containsExactlyElementsOf(e.inventors);
    assertThat(p.getFigures()).hasSize(e.figures);
    if (e.viewFigureId != null) {
      Figure f = p.getFigures().stream().filter(x -> x.getId().equals(e.viewFigureId)).findFirst().orElseThrow();
      assertThat(f.getFigureNumbers()).containsExactlyElementsOf(e.viewNumbers);
      assertThat(f.getViewText()).isEqualTo(e.viewText);
    } else {
      assertThat(p.getFigures()).allSatisfy(f -> {
        assertThat(f.getFigureNumbers()).isEmpty();
        assertThat(f.getViewText()).isNull();
      });
    }

    assertThat(p.getContentHash()).matches("[0-9a-f]{64}");
    assertThat(p.getSource().getFile()).isEqualTo(e.file);
    assertThat(p.getSource().getProduct()).isEqualTo(e.product);
  }

  @Test
  void designGrantPassesValidationWithoutAnAbstract() throws Exception {
    Patent p = process("legacy/USD435854S1.xml");
    assertThat(p.getDocumentType()).isEqualTo("design");
    assertThat(p.getAbstracts()).isEmpty();
    assertThat(p.getClaims()).extracting(Claim::getText)
        .containsExactly("The ornamental design for a disc cartridge, as shown and described.");
    assertThat(p.getClassifications()).extracting(Classification::getScheme, Classification::getSymbol,
        Classification::getVersion).containsExactly(tuple("LOCARNO", "14-02", "7"), tuple("USPC", "D14/480", null));
    assertThat(p.getDescription()).extracting(DescriptionSection::getSection)
        .containsExactly("brief-description-of-drawings");
    assertThat(p.getDescription().get(0).getText()).startsWith(
        "FIG. 1 is a front, top and right side perspective view of one embodiment of a disc cartridge")
        .endsWith("FIG. 14 is a right side elevational view of the another embodiment.");
    assertThat(p.getAssignees()).extracting(Party::getName)
        .containsExactly("Hitachi Maxell, Ltd.", "Sanyo Electric Co.,Ltd.", "Olympus Optical Co., Ltd.");
  }

  @Test
  void st32BibliographyCitationsAndRelatedDocuments() throws Exception {
    Patent p = process("legacy/pg06442728.xml");
    // B521 714786 main, B522 714755 and 714790 further; B516 edition 7
    assertThat(p.getClassifications()).extracting(Classification::getScheme, Classification::getSymbol,
        Classification::getFirst).containsExactly(tuple("IPC", "H03M 13/00", true), tuple("USPC", "714/786", true),
        tuple("USPC", "714/755", false), tuple("USPC", "714/790", false));
    assertThat(p.getInventors().get(0).getCity()).isEqualTo("Nepean");
    assertThat(p.getInventors().get(0).getCountry()).isEqualTo("CA");
    assertThat(p.getAssignees()).extracting(Party::getName).containsExactly("Nortel Networks Limited");
    assertThat(p.getAgents()).extracting(Party::getName).containsExactly("Cobrin & Gittes");
    // 2 B561 (PCIT) + 8 B562 (NCIT), all CITED-BY-OTHER; the examiner (B746) is not a party
    assertThat(p.getCitations()).hasSize(10);
    Citation patent = p.getCitations().get(0);
    assertThat(patent.getType()).isEqualTo("patent");
    assertThat(patent.getDocument().getNumber()).isEqualTo("4394642");
    assertThat(patent.getDocument().getDate()).isEqualTo("1983-07");
    assertThat(patent.getCitedBy()).isEqualTo("other");
    assertThat(p.getCitations().get(2).getType()).isEqualTo("npl");
    assertThat(p.getCitations().get(2).getText())
        .isEqualTo("\u201cComputer Dictionary\u201d Microsoft Press, Second Edition, 1994, pp. 218-219.*");
    // B680US: the provisional application
    assertThat(p.getRelatedDocuments()).extracting(r -> r.getRelation() + " " + r.getDocument().getNumber())
        .containsExactly("provisional 60115394"); // 60/115394 in the file
    assertThat(p.getAbstracts().get(0).getText()).startsWith(
        "An interleaver receives incoming data frames of size N. The interleaver indexes the elements of the"
            + " frame with an N1\u00d7N2 index array.");

    Patent q = process("legacy/US06336130.xml"); // B300 priority, B631 parent of a continuation
    assertThat(q.getRelatedDocuments()).extracting(r -> r.getRelation() + " " + r.getDocument().getCountry() + "-"
        + r.getDocument().getNumber()).containsExactly("priority NO-971605", "continuation US-PCT/NO98/00107");
    assertThat(q.getClassifications()).extracting(Classification::getSymbol)
        .containsExactly("G06F 15/16", "G06F 13/00", "709/202", "709/201");
  }

  @Test
  void st32DescriptionSectionsFromItsWrapperElements() throws Exception {
    Patent p = process("legacy/pg06442728.xml");
    assertThat(p.getDescription()).extracting(DescriptionSection::getSection, DescriptionSection::getHeading)
        .containsExactly(
            tuple("cross-reference", "CROSS-REFERENCE TO RELATED APPLICATIONS"),
            tuple("background", "FIELD OF THE INVENTION"),
            tuple("background", "BACKGROUND OF THE INVENTION"),
            tuple("summary", "SUMMARY OF THE INVENTION"),
            tuple("brief-description-of-drawings", "BRIEF DESCRIPTION OF THE DRAWINGS"),
            tuple("detailed-description", "DETAILED DESCRIPTION OF THE INVENTION"));
    assertThat(p.getDescription().get(4).getText().split("\n")).hasSize(6)
        .contains("FIG. 4 depicts a data frame stored in consecutive storage locations;");
    // sub- and superscripts join their word: N<SB>1</SB> reads N1
    assertThat(p.getClaims().get(0).getText()).contains("storing a frame of signal data comprising a plurality of"
        + " elements as an array D having N1 rows enumerated as 0, 1, . . . N1\u22121; and");
  }

  @Test
  void papBibliographyAndTexts() throws Exception {
    Patent p = process("application/pa20010031492.xml");
    // classification-ipc primary C12N001/20, secondary C12N005/06, edition 07; classification-us
    // primary 435/252100, secondaries 435/325000 and 435/252330
    assertThat(p.getClassifications()).extracting(Classification::getScheme, Classification::getSymbol,
        Classification::getFirst).containsExactly(tuple("IPC", "C12N 1/20", true), tuple("IPC", "C12N 5/06", false),
        tuple("USPC", "435/252.1", true), tuple("USPC", "435/325", false), tuple("USPC", "435/252.33", false));
    assertThat(p.getInventors().get(0).getCity()).isEqualTo("Bisley");
    assertThat(p.getInventors().get(0).getCountry()).isEqualTo("GB");
    assertThat(p.getAssignees()).extracting(Party::getName).containsExactly("Azur Environmental");
    assertThat(p.getCitations()).isEmpty(); // PAP lists no references
    assertThat(p.getRelatedDocuments()).extracting(r -> r.getRelation() + " " + r.getDocument().getCountry() + "-"
        + r.getDocument().getNumber()).containsExactly("priority GB-9811845.8", "continuation US-PCT/GB99/01730");
    // the printed paragraph number [0001] is not text; &lsqb; &rsqb; would read "[0001]"
    assertThat(p.getDescription().get(0).getText()).startsWith(
        "This application is a continuation of PCT/GB99/01730, filed Jun. 1, 1999");
    assertThat(p.getDescription()).extracting(DescriptionSection::getSection).containsSubsequence(
        "summary", "brief-description-of-drawings", "detailed-description");
    // dependent-claim-reference is inline: no space before the comma that follows it elsewhere
    assertThat(p.getClaims().get(1).getText()).isEqualTo(
        "The method as claimed in claim 1 wherein following contact with antibiotic, said cells are subjected to a"
            + " stabilization step.");
    // claim 5 refers to itself in the file (depends_on="CLM-00005"): not a dependency
    assertThat(p.getClaims().get(4).getDependsOn()).isEmpty();

    Patent d = process("application/US20010009014A1.xml");
    assertThat(d.getRelatedDocuments()).extracting(r -> r.getRelation() + " " + r.getDocument().getNumber())
        .containsExactly("division 09432885", "continuation-in-part 09312927", "provisional 60128037");
  }
}
