package io.patent2tech.udfs.uspto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.patent2tech.schema.Patent;
import io.patent2tech.udfs.Fixtures;

/**
 * The PAP and ST.32 rules no fixture shows on its own: the fixed-width IPC of ST.32, a US address
 * without a country, the PAP version from its DTD name, and a paragraph that lists several views.
 * Unmarked claim references are read by {@link io.patent2tech.udfs.normalize.ClaimReferences}
 * (ClaimReferencesTest).
 */
class LegacySectionReadersTest {

  private final UsptoXmlParser parser = new UsptoXmlParser();

  @Test
  void st32IpcIsFixedWidth() {
    assertThat(St32BibliographyReader.ipcSymbol("H03M 1300")).isEqualTo("H03M13/00");
    assertThat(St32BibliographyReader.ipcSymbol("A61K 3112")).isEqualTo("A61K31/12");
    assertThat(St32BibliographyReader.ipcSymbol("C07D47104")).isEqualTo("C07D471/04");
    assertThat(St32BibliographyReader.ipcSymbol("G06F 17/30")).isEqualTo("G06F 17/30"); // already slashed
    assertThat(St32BibliographyReader.ipcSymbol("1402")).isEqualTo("1402");
  }

  @Test
  void papVersionComesFromTheDtdName() {
    assertThat(PapDocumentReader.version("pap-v15-2001-01-31.dtd")).isEqualTo("v1.5 2001-01-31");
    assertThat(PapDocumentReader.version("pap-v16-2002-01-01.dtd")).isEqualTo("v1.6 2002-01-01");
    assertThat(PapDocumentReader.version("http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd")).isNull();
    assertThat(PapDocumentReader.version(null)).isNull();
  }

  @Test
  void oneParagraphListingSeveralViewsGivesOneViewEach() {
    assertThat(DrawingViews.views(java.util.List.of("FIG. 1 is a front view; FIG. 2 is a rear view thereof; and,"
        + " FIGS. 3 and 4 are side views.")))
        .extracting(v -> v.labels + " " + v.text).containsExactly(
            "[1] FIG. 1 is a front view", "[2] FIG. 2 is a rear view thereof", "[3, 4] FIGS. 3 and 4 are side views.");
  }

  @Test
  void st32UsAddressWithoutCountryIsInTheUs() throws Exception {
    String doc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE PATDOC SYSTEM \"ST32-US-Grant-025xml.dtd\" [ ]>\n"
        + "<PATDOC DTD=\"2.5\"><SDOBI><B100><B110><DNUM><PDAT>06000001</PDAT></DNUM></B110><B130><PDAT>B1</PDAT></B130>"
        + "<B140><DATE><PDAT>20020101</PDAT></DATE></B140></B100>"
        + "<B200><B210><DNUM><PDAT>09000001</PDAT></DNUM></B210></B200>"
        + "<B500><B540><STEXT><PDAT>Widget</PDAT></STEXT></B540></B500>"
        + "<B700><B720><B721><PARTY-US><NAM><FNM><PDAT>Ann</PDAT></FNM><SNM><STEXT><PDAT>Lee</PDAT></STEXT></SNM></NAM>"
        + "<ADR><CITY><PDAT>Austin</PDAT></CITY><STATE><PDAT>TX</PDAT></STATE></ADR></PARTY-US></B721></B720>"
        + "<B745><B746><PARTY-US><NAM><FNM><PDAT>Exa</PDAT></FNM><SNM><STEXT><PDAT>Miner</PDAT></STEXT></SNM></NAM>"
        + "</PARTY-US></B746></B745></B700></SDOBI>"
        + "<SDOCL><CL><CLM ID=\"CLM-00001\"><PARA ID=\"P-1\" LVL=\"0\"><PTEXT><PDAT>1. A widget.</PDAT></PTEXT></PARA>"
        + "</CLM></CL></SDOCL></PATDOC>\n";
    Patent p = parser.parse(doc.getBytes(StandardCharsets.UTF_8), Fixtures.source("synthetic.xml", 0));
    assertThat(p.getInventors()).hasSize(1); // the examiner (B746) is no inventor
    assertThat(p.getInventors().get(0).getName()).isEqualTo("Ann Lee");
    assertThat(p.getInventors().get(0).getCountry()).isEqualTo("US");
    assertThat(p.getClaims().get(0).getText()).isEqualTo("A widget.");
    assertThat(p.getSource().getProduct()).isEqualTo("PATDOC DTD 2.5");
  }
}
