package io.patent2tech.udfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import io.patent2tech.schema.Claim;
import io.patent2tech.schema.Classification;
import io.patent2tech.schema.DescriptionSection;
import io.patent2tech.schema.Figure;
import io.patent2tech.schema.Patent;

/**
 * Every ICE fixture through parse -> normalize -> validate, against values read by hand from the
 * XML files (grep of publication-reference, application-reference, invention-title, claim /
 * claim-ref, the first classification, inventors, figure elements, the brief description of the
 * drawings).
 */
class UsptoFixturesTest {

  /** One row of hand-checked expectations. */
  static final class Expected {
    final String file;
    final String key;
    final String kind;
    final String date;
    final String title;
    final int claims;
    final int dependentClaim;        // 0: the document has no dependent claim
    final List<Integer> dependsOn;
    final String firstScheme;
    final String firstSymbol;
    final int inventors;
    final int figures;
    final String applicationNumber;
    final String viewFigureId;       // null: no figure gets a view (see docs/parser.md)
    final List<String> viewNumbers;
    final String viewText;

    Expected(String file, String key, String kind, String date, String title, int claims, int dependentClaim,
             List<Integer> dependsOn, String firstScheme, String firstSymbol, int inventors, int figures,
             String applicationNumber, String viewFigureId, List<String> viewNumbers, String viewText) {
      this.file = file;
      this.key = key;
      this.kind = kind;
      this.date = date;
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
    }

    @Override
    public String toString() {
      return file;
    }
  }

  static Stream<Expected> ice() {
    return Stream.of(
        new Expected("grant/US06859910.xml", "US-6859910-B2", "B2", "2005-02-22",
            "Methods and systems for transactional tunneling", 2, 2, List.of(1),
            "IPC", "G06F 15/00", 1, 10, "09832323", null, null, null),
        new Expected("grant/US07272630B2.xml", "US-7272630-B2", "B2", "2007-09-18",
            "Locating potentially identical objects across multiple computers based on stochastic partitioning of workload",
            17, 17, List.of(14), "IPC", "G06F 15/13", 4, 16, "10991571",
            "Fig-EMI-D00003", List.of("3"),
            "FIG. 3 is a flowchart illustrating an exemplary process followed to inform database servers of the file"
                + " information in accordance with certain embodiments of the invention."),
        new Expected("grant/US08926509.xml", "US-8926509-B2", "B2", "2015-01-06",
            "Wireless physiological sensor patches and systems", 31, 31, List.of(27),
            "CPC", "A61B 5/0205", 5, 11, "12134151",
            "Fig-EMI-D00005", List.of("3A"),
            "FIG. 3A illustrates a block diagram of another embodiment of a patch in accordance with the present invention."),
        new Expected("grant/US08927118.xml", "US-8927118-B2", "B2", "2015-01-06",
            "Material for organic electroluminescence device and organic electroluminescence device using the same",
            45, 45, List.of(5), "CPC", "C07D 493/04", 5, 0, "13349377", null, null, null),
        new Expected("grant/US08930553.xml", "US-8930553-B2", "B2", "2015-01-06",
            "Managing mid-dialog session initiation protocol (SIP) messages", 8, 7, List.of(1),
            "IPC", "G06F 15/16", 3, 6, "13648029",
            "Fig-EMI-D00002", List.of("2A"),
            "FIG. 2A is a simplified flowchart illustration of an exemplary method of operation of SIP container 102 of"
                + " the system of FIG. 1, operative in accordance with an embodiment of the invention"),
        new Expected("grant/ipg08672134.xml", "US-8672134-B2", "B2", "2014-03-18",
            "Child-resistant medication container", 43, 43, List.of(20),
            "IPC", "B65D 83/04", 2, 10, "12936568", null, null, null),
        // ICE v4.7 (2022): its drawing descriptions give no FIG. numbers to the sheets (docs/parser.md)
        new Expected("grant/grant_us11646472b2_17248024.xml", "US-11646472-B2", "B2", "2023-05-09",
            "Making lithium metal\u2014seawater battery cells having protected lithium electrodes", 17, 2,
            List.of(1), "IPC", "H01M 50/46", 4, 7, "17248024", null, null, null),
        new Expected("grant/ipgD0701016.xml", "US-D701016-S1", "S1", "2014-03-18",
            "Cheese in form of a triangular pyramid", 1, 0, List.of(),
            "LOCARNO", "01-01", 1, 5, "29414573", null, null, null),
        new Expected("application/US20050004437A1.xml", "US-20050004437-A1", "A1", "2005-01-06",
            "Simulation device for playful evaluation and display of blood sugar levels", 10, 4, List.of(3),
            "IPC", "A61B 5/00", 2, 3, "10830857", null, null, null),
        new Expected("application/ipa20180000016.xml", "US-20180000016-A1", "A1", "2018-01-04",
            "LIGHT EMITTING DEVICE AND PLANT CULTIVATION METHOD", 11, 11, List.of(2),
            "CPC", "A01G 7/045", 3, 5, "15634401",
            "Fig-EMI-D00001", List.of("1"),
            "FIG. 1 is a schematic cross sectional view of a light emitting device according to an embodiment of the"
                + " present disclosure."),
        new Expected("application/ipa20200022300.xml", "US-20200022300-A1", "A1", "2020-01-23",
            "SYSTEM FOR CONTROLLING THE OPERATION OF AN ACTUATOR MOUNTED ON A SEED PLANTING IMPLEMENT", 19, 12,
            List.of(8), "CPC", "A01B 63/32", 2, 8, "16039511", null, null, null));
  }

  private final UsptoDocumentProcessor processor = new UsptoDocumentProcessor();

  private Patent process(String file) throws DocumentRejectedException {
    return processor.process(Fixtures.bytes(file), Fixtures.source(file, 0), 1_700_000_000_000L);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ice")
  void handCheckedValues(Expected e) throws Exception {
    Patent p = process(e.file);

    assertThat(p.getPublicationKey()).isEqualTo(e.key);
    assertThat(p.getPublication().getCountry()).isEqualTo("US");
    assertThat(p.getPublication().getKind()).isEqualTo(e.kind);
    assertThat(p.getPublication().getDate()).isEqualTo(e.date);
    assertThat(p.getTitles()).hasSize(1);
    assertThat(p.getTitles().get(0).getText()).isEqualTo(e.title);
    assertThat(p.getTitles().get(0).getLang()).isEqualTo("en");
    assertThat(p.getLanguage()).isEqualTo("en");

    assertThat(p.getClaims()).hasSize(e.claims);
    for (int i = 0; i < p.getClaims().size(); i++) {
      assertThat(p.getClaims().get(i).getNumber()).isEqualTo(i + 1);
      assertThat(p.getClaims().get(i).getText()).isNotBlank().doesNotContain("  ").doesNotStartWith(" ");
    }
    assertThat(p.getClaims().get(0).getIndependent()).isTrue();
    if (e.dependentClaim > 0) {
      Claim c = p.getClaims().get(e.dependentClaim - 1);
      assertThat(c.getNumber()).isEqualTo(e.dependentClaim);
      assertThat(c.getDependsOn()).containsExactlyElementsOf(e.dependsOn);
      assertThat(c.getIndependent()).isFalse();
    } else {
      assertThat(p.getClaims()).allSatisfy(c -> assertThat(c.getDependsOn()).isEmpty());
    }

    Classification first = p.getClassifications().stream()
        .filter(c -> c.getScheme().equals(e.firstScheme)).findFirst().orElseThrow();
    assertThat(first.getSymbol()).isEqualTo(e.firstSymbol);
    assertThat(first.getFirst()).isTrue();

    assertThat(p.getInventors()).hasSize(e.inventors);
    assertThat(p.getFigures()).hasSize(e.figures);
    assertThat(p.getApplication().getNumber()).isEqualTo(e.applicationNumber);
    assertThat(p.getApplicationKey()).isEqualTo("US-" + e.applicationNumber);

    if (e.viewFigureId != null) {
      Figure f = p.getFigures().stream().filter(x -> x.getId().equals(e.viewFigureId)).findFirst().orElseThrow();
      assertThat(f.getFigureNumbers()).containsExactlyElementsOf(e.viewNumbers);
      assertThat(f.getViewText()).isEqualTo(e.viewText);
    } else {
      // sheets and described FIGs do not pair up unambiguously: nothing is guessed
      assertThat(p.getFigures()).allSatisfy(f -> {
        assertThat(f.getFigureNumbers()).isEmpty();
        assertThat(f.getViewText()).isNull();
      });
    }

    assertThat(p.getContentHash()).matches("[0-9a-f]{64}");
    assertThat(p.getIngestTime()).isEqualTo(1_700_000_000_000L);
    assertThat(p.getSource().getFile()).isEqualTo(e.file);
    assertThat(p.getSource().getProduct()).startsWith(e.file.startsWith("grant") ? "us-patent-grant v4." : "us-patent-application v4.");
  }

  @Test
  void everyIceFileInTheFixtureFoldersParses() throws Exception {
    Set<String> pap = Set.of("US20010000044A1.xml", "US20010000943A1.xml", "US20010009014A1.xml", "pa20010031492.xml");
    List<String> files;
    try (Stream<Path> g = Files.list(Fixtures.uspto("grant")); Stream<Path> a = Files.list(Fixtures.uspto("application"))) {
      files = Stream.concat(g.map(x -> "grant/" + x.getFileName()), a.map(x -> "application/" + x.getFileName()))
          .filter(f -> !pap.contains(f.substring(f.indexOf('/') + 1)))
          .sorted().collect(Collectors.toList());
    }
    assertThat(files).hasSize(11);
    Set<String> expected = ice().map(e -> e.file).collect(Collectors.toSet());
    assertThat(files).containsExactlyInAnyOrderElementsOf(expected);
    for (String f : files) {
      assertThat(process(f).getPublicationKey()).as(f).isNotBlank();
    }
  }

  @Test
  void productVersionsAsInTheFiles() throws Exception {
    assertThat(process("grant/US06859910.xml").getSource().getProduct()).isEqualTo("us-patent-grant v4.0 2004-12-02");
    assertThat(process("grant/US07272630B2.xml").getSource().getProduct()).isEqualTo("us-patent-grant v4.2 2006-08-23");
    assertThat(process("grant/ipg08672134.xml").getSource().getProduct()).isEqualTo("us-patent-grant v4.4 2013-05-16");
    assertThat(process("grant/US08930553.xml").getSource().getProduct()).isEqualTo("us-patent-grant v4.5 2014-04-03");
    assertThat(process("application/US20050004437A1.xml").getSource().getProduct())
        .isEqualTo("us-patent-application v4.0 2004-12-02");
    assertThat(process("application/ipa20200022300.xml").getSource().getProduct())
        .isEqualTo("us-patent-application v4.4 2014-04-03");
  }

  @Test
  void papAndLegacyFormatsAreRejectedWithAClearReason() throws Exception {
    for (String f : List.of("application/US20010000044A1.xml", "application/US20010000943A1.xml",
        "application/US20010009014A1.xml", "application/pa20010031492.xml")) {
      assertThatThrownBy(() -> process(f)).as(f).isInstanceOfSatisfying(DocumentRejectedException.class, e -> {
        assertThat(e.stage()).isEqualTo("parse");
        assertThat(e.reason()).isEqualTo("unsupported format: PAP v1.5 (2001-2004 pre-grant publication XML)");
      });
    }
    // the APS Green Book text fixtures parse (uspto.aps.ApsFixturesTest)
    try (Stream<Path> legacy = Files.list(Fixtures.uspto("legacy"))) {
      for (Path f : legacy.filter(x -> x.toString().endsWith(".xml")).sorted().collect(Collectors.toList())) {
        String rel = "legacy/" + f.getFileName();
        assertThatThrownBy(() -> process(rel)).as(rel).isInstanceOfSatisfying(DocumentRejectedException.class, e -> {
          assertThat(e.stage()).isEqualTo("parse");
          assertThat(e.reason()).startsWith("unsupported format: ").contains("ST.32 PATDOC");
        });
      }
    }
  }

  @Test
  void designPatentHasNoAbstractAndItsViewsAreInTheDrawingDescription() throws Exception {
    Patent p = process("grant/ipgD0701016.xml");
    assertThat(p.getDocumentType()).isEqualTo("design");
    assertThat(p.getAbstracts()).isEmpty();
    assertThat(p.getClaims().get(0).getText())
        .isEqualTo("The ornamental design for cheese in form of a triangular pyramid, as shown and described.");
    assertThat(p.getClassifications()).extracting(Classification::getScheme, Classification::getSymbol)
        .contains(org.assertj.core.groups.Tuple.tuple("USPC", "D1/101"));
    assertThat(p.getDescription()).hasSize(1);
    DescriptionSection views = p.getDescription().get(0);
    assertThat(views.getSection()).isEqualTo("brief-description-of-drawings");
    assertThat(views.getText().split("\n")).hasSize(9).contains("FIG. 6 is a top view thereof;");
  }

  @Test
  void descriptionSectionsFromProcessingInstructionsAndHeadings() throws Exception {
    Patent p = process("grant/US08930553.xml");
    assertThat(p.getDescription()).extracting(DescriptionSection::getSection, DescriptionSection::getHeading)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("background", "FIELD OF THE INVENTION"),
            org.assertj.core.groups.Tuple.tuple("background", "BACKGROUND OF THE INVENTION"),
            org.assertj.core.groups.Tuple.tuple("summary", "SUMMARY OF THE INVENTION"),
            org.assertj.core.groups.Tuple.tuple("brief-description-of-drawings", "BRIEF DESCRIPTION OF THE DRAWINGS"),
            org.assertj.core.groups.Tuple.tuple("detailed-description", "DETAILED DESCRIPTION OF THE INVENTION"));
    assertThat(p.getDescription().get(0).getText()).isEqualTo(
        "The present invention relates to computer networks in general, and more particularly to computer networks"
            + " supporting SIP.");

    // application: lower-case PIs, cross reference first
    Patent a = process("application/US20050004437A1.xml");
    assertThat(a.getDescription()).extracting(DescriptionSection::getSection).containsExactly(
        "cross-reference", "background", "summary", "brief-description-of-drawings", "detailed-description");
    // v4.2: RELAPP
    assertThat(process("grant/US07272630B2.xml").getDescription().get(0).getSection()).isEqualTo("cross-reference");
    // a paragraph before the first heading of a region; "BRIEF DESCRIPTION" alone is the summary
    assertThat(process("application/ipa20200022300.xml").getDescription())
        .extracting(DescriptionSection::getSection, DescriptionSection::getHeading).containsExactly(
            org.assertj.core.groups.Tuple.tuple("background", "FIELD"),
            org.assertj.core.groups.Tuple.tuple("background", "BACKGROUND"),
            org.assertj.core.groups.Tuple.tuple("summary", "BRIEF DESCRIPTION"),
            org.assertj.core.groups.Tuple.tuple("brief-description-of-drawings", "BRIEF DESCRIPTION OF THE DRAWINGS"),
            org.assertj.core.groups.Tuple.tuple("detailed-description", null),
            org.assertj.core.groups.Tuple.tuple("detailed-description", "DETAILED DESCRIPTION"));
  }

  @Test
  void claimTextKeepsWordsInOrderWithSingleSpaces() throws Exception {
    Patent p = process("grant/US08930553.xml");
    assertThat(p.getClaims().get(0).getText()).startsWith(
        "A system for processing mid-dialog SIP messages, the system comprising: an incoming message hardware"
            + " processor configured to receive a mid-dialog SIP message from a SIP user agent client; and an unknown"
            + " message hardware processor configured to create a new SIP session, associate");
    // <claim-text><b>1</b>. A simulation device ... (v4.0 application): number stripped, words kept
    assertThat(process("application/US20050004437A1.xml").getClaims().get(1).getText()).isEqualTo(
        "The simulation device as set forth in claim 1, wherein said simulation device has an input device.");
  }

  @Test
  void partiesCitationsAndRelatedDocuments() throws Exception {
    Patent p = process("grant/US08930553.xml");
    assertThat(p.getApplicants()).extracting(x -> x.getName()).containsExactly("International Business Machines Corporation");
    assertThat(p.getInventors()).extracting(x -> x.getName()).containsExactly("Nitzan Nissim", "Brian Pulito", "Asaf Zinger");
    assertThat(p.getInventors().get(0).getCountry()).isEqualTo("IL");
    assertThat(p.getAgents()).extracting(x -> x.getName()).containsExactly("Cuenot, Forsythe & Kim, LLC");
    assertThat(p.getAgents().get(0).getCountry()).isNull(); // "unknown" in the file
    assertThat(p.getAssignees()).extracting(x -> x.getName()).containsExactly("International Business Machines Corporation");
    // 16 patcit + 5 nplcit, none of the citations' own classification-national leaks into the patent's
    assertThat(p.getCitations()).hasSize(21);
    assertThat(p.getCitations().get(3).getDocument().getNumber()).isEqualTo("20070140112"); // 2007/0140112
    assertThat(p.getCitations().get(3).getDocument().getDate()).isEqualTo("2007-06");       // 20070600
    assertThat(p.getCitations().get(3).getCitedBy()).isEqualTo("applicant");
    assertThat(p.getCitations().get(20).getType()).isEqualTo("npl");
    assertThat(p.getCitations().get(20).getText()).isEqualTo("U.S. Appl. No. 14/026,198, Notice of Allowance, Sep. 5, 2014, 11 pg.");
    assertThat(p.getClassifications()).extracting(Classification::getSymbol).containsExactly("G06F 15/16", "709/228");
    assertThat(p.getRelatedDocuments()).hasSize(1);
    assertThat(p.getRelatedDocuments().get(0).getRelation()).isEqualTo("related-publication");
    assertThat(p.getRelatedDocuments().get(0).getDocument().getNumber()).isEqualTo("20140101323");

    Patent old = process("grant/US06859910.xml"); // v4.0: parties/applicants, applicant-inventor
    assertThat(old.getInventors()).extracting(x -> x.getName()).containsExactly("John Charles Croy");
    assertThat(old.getAssignees()).extracting(x -> x.getName()).containsExactly("Bluestreak.com");
    assertThat(old.getRelatedDocuments()).extracting(r -> r.getRelation() + " " + r.getDocument().getNumber())
        .containsExactly("provisional 60195933", "related-publication 20010037361");

    Patent cont = process("grant/US08927118.xml");
    assertThat(cont.getRelatedDocuments()).extracting(r -> r.getRelation() + " " + r.getDocument().getCountry()
        + "-" + r.getDocument().getNumber()).containsExactly("priority JP-2008-148514", "continuation US-13173486",
        "continuation US-12253586", "continuation US-8049411", "related-publication US-20120104943");
  }
}
