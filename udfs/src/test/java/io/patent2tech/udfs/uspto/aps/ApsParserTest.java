package io.patent2tech.udfs.uspto.aps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.patent2tech.schema.Patent;
import io.patent2tech.udfs.DocumentRejectedException;
import io.patent2tech.udfs.Fixtures;
import io.patent2tech.udfs.UsptoDocumentProcessor;
import io.patent2tech.udfs.uspto.UsptoXmlParser;

/** APS codes and fixed-width values, series other than utility, and what is rejected with which reason. */
class ApsParserTest {

  private final UsptoDocumentProcessor processor = new UsptoDocumentProcessor();

  /** A small design patent in the layout of the fixtures (no fixture of this series exists). */
  private static final String DESIGN = String.join("\n",
      "PATN",
      "WKU  D03821234",
      "SRC  7",
      "APN  0501234",
      "APT  4",
      "APD  19950104",
      "TTL  Bottle",
      "ISD  19970610",
      "NCL  1",
      "NFG  2",
      "INVT",
      "NAM  Doe; Jane",
      "CTY  Springfield",
      "STA  IL",
      "CLAS",
      "OCL  D 9516",
      "DRWD",
      "PAR  FIG. 1 is a front view of the bottle; and,",
      "PAR  FIG. 2 is a top view thereof.",
      "DCLM",
      "PAR  The ornamental design for a bottle, as shown and described.",
      "");

  private Patent process(String text) throws DocumentRejectedException {
    return processor.process(text.getBytes(StandardCharsets.ISO_8859_1), Fixtures.source("aps.txt", 0), 1L);
  }

  private DocumentRejectedException rejection(String text) {
    try {
      process(text);
    } catch (DocumentRejectedException e) {
      return e;
    }
    throw new AssertionError("not rejected: " + text);
  }

  @Test
  void patentNumbersLoseTheirCheckDigitAndTheSeriesGivesTypeAndKind() {
    assertThat(ApsCodes.patentNumber("039327094")).isEqualTo("03932709");
    assertThat(ApsCodes.patentNumber("D03821234")).isEqualTo("D0382123");
    assertThat(ApsCodes.patentNumber(" 5700647 ")).isEqualTo("5700647"); // not the 9-character form: as written
    assertThat(ApsCodes.series("RE0312345")).isEqualTo("RE");
    assertThat(ApsCodes.documentType("6", "PP")).isEqualTo("plant");
    assertThat(ApsCodes.documentType(null, "RE")).isEqualTo("reissue");
    assertThat(ApsCodes.documentType("7", "H")).isEqualTo("other");
    assertThat(ApsCodes.kind("utility", "", "19761231")).isEqualTo("A");
    assertThat(ApsCodes.kind("utility", "", "20010102")).isEqualTo("B1");
    assertThat(ApsCodes.kind("plant", "PP", "19990105")).isEqualTo("P");
    assertThat(ApsCodes.kind("plant", "PP", "20010213")).isEqualTo("P2");
    assertThat(ApsCodes.kind("reissue", "RE", "19900102")).isEqualTo("E");
    assertThat(ApsCodes.kind("other", "H", "19900102")).isEqualTo("H");
    assertThat(ApsCodes.kind("other", "T", "19800102")).isEqualTo("I4");
  }

  @Test
  void applicationNumbersFixedWidthSymbolsAndCountries() {
    assertThat(ApsCodes.applicationNumber("5", "4491556")).isEqualTo("05449155");
    assertThat(ApsCodes.applicationNumber("29", "0123456")).isEqualTo("29012345");
    assertThat(ApsCodes.applicationNumber(null, "4491556")).isEqualTo("449155");
    assertThat(ApsCodes.applicationNumber("8", "568680&")).isEqualTo("568680");
    assertThat(ApsCodes.ipc("H04M 1100")).isEqualTo("H04M 11/00");
    assertThat(ApsCodes.ipc("G06F  728")).isEqualTo("G06F 7/28");
    assertThat(ApsCodes.ipc("A61K 31415")).isEqualTo("A61K 31/415");
    assertThat(ApsCodes.ipc("C07D401 12")).isEqualTo("C07D 401/12");
    assertThat(ApsCodes.ipc("0602")).isEqualTo("0602"); // not an IPC subclass: as written
    assertThat(ApsCodes.country("JPX")).isEqualTo("JP");
    assertThat(ApsCodes.country("DE")).isEqualTo("DE");
    assertThat(ApsCodes.relation("72")).isEqualTo("continuation-in-part");
    assertThat(ApsCodes.relation("99")).isEqualTo("other");
  }

  @Test
  void designPatentWithADesignClaim() throws Exception {
    Patent p = process(DESIGN);

    assertThat(p.getPublicationKey()).isEqualTo("US-D382123-S");
    assertThat(p.getDocumentType()).isEqualTo("design");
    assertThat(p.getApplicationKey()).isEqualTo("US-07050123");
    assertThat(p.getClaims()).hasSize(1);
    assertThat(p.getClaims().get(0).getText()).isEqualTo("The ornamental design for a bottle, as shown and described.");
    assertThat(p.getClassifications().get(0).getSymbol()).isEqualTo("D9/516");
    assertThat(p.getInventors().get(0).getCountry()).isEqualTo("US"); // STA and no CNT
    assertThat(p.getFigures()).extracting(f -> f.getViewText())
        .containsExactly("FIG. 1 is a front view of the bottle", "FIG. 2 is a top view thereof.");
  }

  @Test
  void aWeeklyFileHeaderBeforeThePatentIsSkipped() throws Exception {
    Patent p = process("HHHHHT  APS1    ISSUE  970610\n" + DESIGN);
    assertThat(p.getPublicationKey()).isEqualTo("US-D382123-S");
  }

  @Test
  void figuresWithoutMatchingDescriptionsAreNumberedOnly() throws Exception {
    Patent p = process(DESIGN.replace("NFG  2", "NFG  3"));
    assertThat(p.getFigures()).extracting(f -> f.getId()).containsExactly("figure-1", "figure-2", "figure-3");
    assertThat(p.getFigures()).allSatisfy(f -> assertThat(f.getFigureNumbers()).isEmpty());
  }

  @Test
  void rejectionsSayWhatIsWrong() {
    DocumentRejectedException twoPatents = rejection(DESIGN + DESIGN);
    assertThat(twoPatents.stage()).isEqualTo("parse");
    assertThat(twoPatents.reason()).startsWith("a second PATN record at line 22");

    assertThat(rejection(DESIGN.replace("TTL  Bottle\n", "")).reason())
        .isEqualTo("missing required field: title");
    assertThat(rejection(DESIGN.replace("DCLM\n", "")).stage()).isEqualTo("validate"); // the claim is a drawing paragraph now
    assertThat(rejection(DESIGN.replace("NAM  Doe; Jane", "      Doe; Jane")).reason())
        .isEqualTo("malformed APS text: line 12 is indented but follows no field: \"      Doe; Jane\"");
    assertThat(rejection(DESIGN.replace("TTL  Bottle", "ttl  Bottle")).reason())
        .isEqualTo("malformed APS text: line 7 does not start with an APS field code: \"ttl  Bottle\"");
    assertThat(rejection(DESIGN.replace("ISD  19970610", "ISD  19971340")).reason())
        .isEqualTo("invalid publication date '19971340'");
    assertThat(rejection("HHHHHT  APS1\n" + DESIGN.replace("TTL  Bottle", "ttl  Bottle")).reason())
        .startsWith("malformed APS text: line 8 does not start"); // line numbers count the header
    assertThat(rejection("HHHHHT  APS1\n").reason())
        .isEqualTo("not APS Green Book text: the first record is not PATN");
  }

  @Test
  void theXmlParserStillRefusesApsTextWhenCalledDirectly() {
    assertThatThrownBy(() -> new UsptoXmlParser().parse(DESIGN.getBytes(StandardCharsets.US_ASCII), null))
        .isInstanceOfSatisfying(DocumentRejectedException.class,
            e -> assertThat(e.reason()).startsWith("unsupported format: APS Green Book"));
    assertThat(ApsParser.isApsText("\r\nPATN\r\n".getBytes(StandardCharsets.US_ASCII))).isTrue();
    assertThat(ApsParser.isApsText("PATNX".getBytes(StandardCharsets.US_ASCII))).isFalse();
    assertThat(ApsParser.isApsText("<?xml version=\"1.0\"?>".getBytes(StandardCharsets.US_ASCII))).isFalse();
  }
}
