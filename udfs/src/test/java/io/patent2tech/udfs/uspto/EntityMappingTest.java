package io.patent2tech.udfs.uspto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

import org.junit.jupiter.api.Test;

import io.patent2tech.schema.Patent;
import io.patent2tech.udfs.DocumentRejectedException;
import io.patent2tech.udfs.Fixtures;

/**
 * Named entities declared only in DTDs we never read. The PAP (2001-2004) and ST.32 fixtures use
 * the ISO sets heavily (their format is rejected later, at the root element, but the reader
 * configuration must read their bytes).
 */
class EntityMappingTest {

  private static String allText(byte[] doc) throws Exception {
    XMLStreamReader r = UsptoXmlParser.newInputFactory().createXMLStreamReader(new ByteArrayInputStream(doc));
    StringBuilder sb = new StringBuilder();
    while (r.hasNext()) {
      int ev = r.next();
      if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
        sb.append(r.getText());
      }
    }
    r.close();
    return sb.toString();
  }

  @Test
  void isoEntitiesOfThePapAndSt32FixturesAreMapped() throws Exception {
    // US20010000943A1: &ldquo; &rdquo; &lsqb; &rsqb; &minus; &plus; &equals; &times; &deg; &emsp; &agr; &Prime; ...
    String pap = allText(Fixtures.bytes("application/US20010000943A1.xml"));
    assertThat(pap).contains("\u201c", "\u201d", "[", "]", "\u2212", "+", "=", "\u00d7", "\u00b0", "\u2003",
        "\u03b1", "\u2033", "\u00b1");
    assertThat(pap).contains("2,5-bis(5-\u03b1 ,\u03b1-dimethylbenzyl-2-benzo");
    assertThat(pap).doesNotContain("&ldquo;", "&agr;");
    // pa20010031492: &trade; &mgr; &thinsp; &reg;
    assertThat(allText(Fixtures.bytes("application/pa20010031492.xml"))).contains("\u2122", "\u03bc", "\u2009", "\u00ae");
    // ST.32 "pg" grant: &af; &it; (MathML function application, invisible times), &bgr; &commat; &nbsp;
    assertThat(allText(Fixtures.bytes("legacy/pg06442728.xml"))).contains("\u2061", "\u2062", "\u03b2", "@", "\u00a0");
    // US20010000044A1 points its DOCTYPE at an http:// DTD: read without any network access
    assertThat(allText(Fixtures.bytes("application/US20010000044A1.xml"))).isNotBlank();
  }

  @Test
  void theTableCoversTheIsoSetsAndLeavesTheXmlEntitiesAlone() {
    assertThat(IsoEntities.characters()).containsEntry("ldquo", "\u201c").containsEntry("rsqb", "]")
        .containsEntry("minus", "\u2212").containsEntry("emsp", "\u2003").containsEntry("trade", "\u2122")
        .containsEntry("agr", "\u03b1").containsEntry("OHgr", "\u03a9").containsEntry("aacgr", "\u03ac");
    assertThat(IsoEntities.characters()).doesNotContainKeys("amp", "lt", "gt", "quot", "apos");
    assertThat(IsoEntities.characters().size()).isGreaterThan(2000);
    assertThat(IsoEntities.replacementTexts().get("LT")).isEqualTo("&#60;");
  }

  @Test
  void entitiesInAnIceDocumentEndUpAsCharacters() throws Exception {
    Patent p = new UsptoXmlParser().parse(ice("Ratio &ldquo;&agr;&rdquo; &lsqb;1&rsqb; &minus;5&deg; &LT;&AMP; &custom;",
        "<!ENTITY custom \"declared here\">"), Fixtures.source("t.xml", 0));
    assertThat(p.getTitles().get(0).getText()).isEqualTo("Ratio \u201c\u03b1\u201d [1] \u22125\u00b0 <& declared here");
  }

  @Test
  void anEntityNeitherDeclaredNorInTheTableIsARejectionNamingIt() {
    assertThatThrownBy(() -> new UsptoXmlParser().parse(ice("bad &notAnEntity; here", ""), Fixtures.source("t.xml", 0)))
        .isInstanceOfSatisfying(DocumentRejectedException.class, e -> {
          assertThat(e.stage()).isEqualTo("parse");
          assertThat(e.reason()).contains("notAnEntity").contains("line 4");
        });
  }

  /** A minimal ICE grant with the given title markup and internal DTD subset. */
  static byte[] ice(String title, String internalSubset) {
    String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<!DOCTYPE us-patent-grant SYSTEM \"us-patent-grant-v45-2014-04-03.dtd\" [" + internalSubset + "]>\n"
        + "<us-patent-grant lang=\"EN\" dtd-version=\"v4.5 2014-04-03\" country=\"US\">\n"
        + "<us-bibliographic-data-grant><invention-title id=\"t\">" + title + "</invention-title>\n"
        + "<publication-reference><document-id><country>US</country><doc-number>09999999</doc-number>"
        + "<kind>B2</kind><date>20150106</date></document-id></publication-reference>\n"
        + "<application-reference appl-type=\"utility\"><document-id><country>US</country>"
        + "<doc-number>13000000</doc-number><date>20120101</date></document-id></application-reference>\n"
        + "</us-bibliographic-data-grant>\n"
        + "<claims id=\"claims\"><claim id=\"CLM-00001\" num=\"00001\"><claim-text>1. A thing.</claim-text></claim></claims>\n"
        + "</us-patent-grant>\n";
    return xml.getBytes(StandardCharsets.UTF_8);
  }
}
