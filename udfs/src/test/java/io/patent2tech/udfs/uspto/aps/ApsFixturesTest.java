package io.patent2tech.udfs.uspto.aps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
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
import io.patent2tech.schema.RelatedDocument;
import io.patent2tech.udfs.DocumentRejectedException;
import io.patent2tech.udfs.Fixtures;
import io.patent2tech.udfs.UsptoDocumentProcessor;

/**
 * Every APS Green Book fixture through parse -> normalize -> validate (the processor routes APS text
 * to {@link ApsParser}), against values read by hand from the files: WKU (less its check digit),
 * ISD, APD with SRC and APN, TTL, the NUM entries of CLMS and the words of one dependent claim, the
 * OCL and first ICL of CLAS, the NAM of each INVT, NFG and the FIG. labels of DRWD.
 */
class ApsFixturesTest {

  /** One row of hand-checked expectations. */
  record Expected(String file, String key, String issued, String filed, String applicationKey, String title,
                  int claims, int dependentClaim, List<Integer> dependsOn, String uspc, String ipc,
                  List<String> inventors, List<String> figureIds) {

    @Override
    public String toString() {
      return file;
    }
  }

  static Stream<Expected> fixtures() {
    return Stream.of(
        // WKU 039327094, SRC 5, APN 4491556; claim 2 "The electronic communications terminal of claim 1"
        new Expected("legacy/US03932709.greenbook", "US-3932709-A", "1976-01-13", "1974-03-07", "US-05449155",
            "Electronic business telephone", 17, 2, List.of(1), "179/90K", "H04M 11/00",
            List.of("Don G. Hoff", "Patrick Young"),
            List.of("FIG-1", "FIG-1A", "FIG-2", "FIG-3", "FIG-4", "FIG-5A", "FIG-5B", "FIG-6", "FIG-7", "FIG-8")),
        // claim 3 "The combination as set forth in claim 2"; OCL "224 4207", ICL "B60R  900"
        new Expected("legacy/US03937375.greenbook", "US-3937375-A", "1976-02-10", "1974-10-29", "US-05518454",
            "Bumper support for a boat loader", 3, 3, List.of(2), "224/42.07", "B60R 9/00",
            List.of("Everette E. Daniels"), List.of("FIG-1", "FIG-2", "FIG-3")),
        // claim 2 "A device as claimed in claim 1"; ICL "G01G 1904" (then G01G 2310, G06F  728)
        new Expected("legacy/US04347903.greenbook", "US-4347903-A", "1982-09-07", "1980-03-10", "US-06192529",
            "Electronic reading balance", 3, 2, List.of(1), "177/25", "G01G 19/04",
            List.of("Shozo Yano", "Toshiyuki Miyake", "Yasuhiro Fujinaga", "Akira Koomoto", "Toshio Kawara",
                "Akio Yagi", "Tomohiro Tsuji", "Tadashi Nagaoka"),
            List.of("FIG-1", "FIG-2")),
        // CRLF; claim 6 "The labeled complex according to claim 4 or 5"; ICL "C12Q  168"
        new Expected("legacy/pftaps057006474.txt", "US-5700647-A", "1997-12-23", "1995-12-07", "US-08568680",
            "Carbocation containing cyanine-type dye", 20, 6, List.of(4, 5), "435/6", "C12Q 1/68",
            List.of("Takeshi Miyazaki", "Kazumi Tanaka", "Tsuyoshi Santo", "Toshikazu Ohnishi", "Tetsuro Fukui",
                "Tadashi Okamoto"),
            List.of("FIG-1")));
  }

  private final UsptoDocumentProcessor processor = new UsptoDocumentProcessor();

  private Patent process(String file) throws DocumentRejectedException {
    return processor.process(Fixtures.bytes(file), Fixtures.source(file, 0), 1_700_000_000_000L);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void handCheckedValues(Expected e) throws Exception {
    Patent p = process(e.file());

    assertThat(p.getPublicationKey()).isEqualTo(e.key());
    assertThat(p.getPublication().getKind()).isEqualTo("A");
    assertThat(p.getPublication().getDate()).isEqualTo(e.issued());
    assertThat(p.getApplication().getDate()).isEqualTo(e.filed());
    assertThat(p.getApplicationKey()).isEqualTo(e.applicationKey());
    assertThat(p.getDocumentType()).isEqualTo("utility");
    assertThat(p.getTitles()).extracting(t -> t.getLang(), t -> t.getText()).containsExactly(tuple("en", e.title()));
    assertThat(p.getAbstracts()).hasSize(1);

    assertThat(p.getClaims()).hasSize(e.claims());
    assertThat(p.getClaims()).extracting(Claim::getNumber).startsWith(1, 2).endsWith(e.claims());
    Claim first = p.getClaims().get(0);
    assertThat(first.getIndependent()).isTrue();
    assertThat(first.getText()).doesNotStartWith("1.");
    Claim dependent = p.getClaims().get(e.dependentClaim() - 1);
    assertThat(dependent.getNumber()).isEqualTo(e.dependentClaim());
    assertThat(dependent.getIndependent()).isFalse();
    assertThat(dependent.getDependsOn()).isEqualTo(e.dependsOn());

    Classification uspc = p.getClassifications().get(0);
    assertThat(uspc.getScheme()).isEqualTo("USPC");
    assertThat(uspc.getSymbol()).isEqualTo(e.uspc());
    assertThat(uspc.getFirst()).isTrue();
    assertThat(p.getClassifications()).filteredOn(c -> c.getScheme().equals("IPC")).first()
        .satisfies(c -> {
          assertThat(c.getSymbol()).isEqualTo(e.ipc());
          assertThat(c.getFirst()).isTrue();
        });

    assertThat(p.getInventors()).extracting(Party::getName).containsExactlyElementsOf(e.inventors());
    assertThat(p.getFigures()).extracting(Figure::getId).containsExactlyElementsOf(e.figureIds());
    assertThat(p.getFigures()).allSatisfy(f -> assertThat(f.getFile()).isNull());
    assertThat(p.getSource().getProduct()).isEqualTo("APS Green Book text");
    assertThat(p.getContentHash()).hasSize(64);
  }

  @Test
  void partiesRelatedDocumentsAndCitationsOfTheWeeklyFileSample() throws Exception {
    Patent p = process("legacy/pftaps057006474.txt");

    assertThat(p.getInventors().get(0)).satisfies(i -> {
      assertThat(i.getLastName()).isEqualTo("Miyazaki");
      assertThat(i.getFirstName()).isEqualTo("Takeshi");
      assertThat(i.getCity()).isEqualTo("Ebina");
      assertThat(i.getCountry()).isEqualTo("JP"); // CNT JPX
    });
    assertThat(p.getAssignees()).extracting(Party::getOrganization, Party::getCountry)
        .containsExactly(tuple("Canon Kabushiki Kaisha", "JP"));
    assertThat(p.getAgents()).extracting(Party::getName).containsExactly("Fitzpatrick, Cella, Harper & Scinto");
    assertThat(p.getRelatedDocuments()).extracting(RelatedDocument::getRelation, r -> r.getDocument().getCountry(),
            r -> r.getDocument().getNumber(), r -> r.getDocument().getDate())
        .containsExactly(
            tuple("priority", "JP", "3-150428", "1991-06-21"),
            tuple("priority", "JP", "3-281645", "1991-10-28"),
            tuple("priority", "JP", "4-150665", "1992-06-10"),
            tuple("division", "US", "900302", "1992-06-18"), // RLAP COD 74: "a division of ... Ser. No. 07/900,302"
            tuple("division", "US", "5512446", null));
    // 4 UREF, 1 FREF, 5 OREF
    assertThat(p.getCitations()).extracting(Citation::getType).containsExactly(
        "patent", "patent", "patent", "patent", "patent", "npl", "npl", "npl", "npl", "npl");
    assertThat(p.getCitations().get(0).getDocument()).satisfies(d -> {
      assertThat(d.getCountry()).isEqualTo("US");
      assertThat(d.getNumber()).isEqualTo("3770383");
      assertThat(d.getDate()).isEqualTo("1973-11"); // ISD 19731100: month precision
    });
    assertThat(p.getCitations().get(4).getDocument().getCountry()).isEqualTo("JP");
    assertThat(p.getCitations().get(7).getText()).isEqualTo("Smith, et al., Nature, vol. 321 (1986), pp. 674-679.");
    assertThat(p.getClassifications()).filteredOn(c -> c.getScheme().equals("IPC"))
        .extracting(Classification::getVersion).containsExactly("6"); // EDF 6
  }

  @Test
  void descriptionSectionsFollowTheRecordsAndTheirHeadings() throws Exception {
    Patent p = process("legacy/US03932709.greenbook");

    assertThat(p.getDescription()).extracting(DescriptionSection::getSection, DescriptionSection::getHeading)
        .containsExactly(
            tuple("cross-reference", "CROSS REFERENCE TO RELATED APPLICATION"), // PARN
            tuple("background", "BACKGROUND OF THE INVENTION"),                 // BSUM, by its heading
            tuple("summary", "SUMMARY OF THE INVENTION"),
            tuple("brief-description-of-drawings", "DESCRIPTION OF THE DRAWINGS"), // DRWD
            tuple("detailed-description", "DETAILED DESCRIPTION OF THE INVENTION")); // DETD
    String drawings = p.getDescription().get(3).getText();
    assertThat(drawings.split("\n")).hasSize(9)
        .contains("FIGS. 5A and 5B together comprise a block diagram illustrating the internal functional and"
            + " logical arrangement of the control center module shown in FIG. 2;");
    assertThat(p.getFigures().get(5)).satisfies(f -> {
      assertThat(f.getFigureNumbers()).containsExactly("5A");
      assertThat(f.getViewText()).startsWith("FIGS. 5A and 5B together comprise a block diagram");
    });
    assertThat(p.getAssignees()).extracting(Party::getName).containsExactly("General Teletronics Incorporated");
    assertThat(p.getRelatedDocuments()).extracting(RelatedDocument::getRelation, r -> r.getDocument().getNumber())
        .containsExactly(tuple("continuation-in-part", "351745")); // RLAP COD 72
    assertThat(p.getCitations()).hasSize(9);
  }

  @Test
  void crlfAndLfLineEndsGiveTheSameRecord() throws Exception {
    byte[] crlf = Fixtures.bytes("legacy/pftaps057006474.txt");
    byte[] lf = new String(crlf, StandardCharsets.ISO_8859_1).replace("\r\n", "\n").getBytes(StandardCharsets.ISO_8859_1);
    assertThat(lf.length).isLessThan(crlf.length);
    String hashCrlf = processor.process(crlf, Fixtures.source("a.txt", 0), 1L).getContentHash();
    String hashLf = processor.process(lf, Fixtures.source("a.txt", 0), 1L).getContentHash();
    assertThat(hashLf).isEqualTo(hashCrlf);
  }
}
