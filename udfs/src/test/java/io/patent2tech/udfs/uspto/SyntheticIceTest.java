package io.patent2tech.udfs.uspto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.patent2tech.schema.DescriptionSection;
import io.patent2tech.schema.Patent;
import io.patent2tech.udfs.Fixtures;
import io.patent2tech.udfs.UsptoDocumentProcessor;

/**
 * Structures no fixture has: elements in other places than v4.0-v4.5 put them (what v4.6/v4.7 or a
 * future variant might do), a description without section PIs, claim-ref lists, a reissue.
 */
class SyntheticIceTest {

  private static final String DOC = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      + "<!DOCTYPE us-patent-grant SYSTEM \"us-patent-grant-v47-2022-11-10.dtd\" [ ]>\n"
      + "<us-patent-grant lang=\"EN\" dtd-version=\"v4.7 2022-11-10\" country=\"US\" date-publ=\"20230103\">\n"
      + "<us-bibliographic-data-grant>\n"
      + "<publication-reference><document-id><country>US</country><doc-number>RE049123</doc-number>"
      + "<kind>E1</kind><date>20230103</date></document-id></publication-reference>\n"
      + "<application-reference appl-type=\"reissue\"><document-id><country>US</country><doc-number>17123456</doc-number>"
      + "<date>20210105</date></document-id></application-reference>\n"
      + "<us-related-documents><reissue><relation><parent-doc><document-id><country>US</country>"
      + "<doc-number>15000001</doc-number><date>20160101</date></document-id>"
      + "<parent-grant-document><document-id><country>US</country><doc-number>10000001</doc-number>"
      + "<kind>B2</kind><date>20180612</date></document-id></parent-grant-document></parent-doc>"
      + "<child-doc><document-id><country>US</country><doc-number>17123456</doc-number></document-id></child-doc>"
      + "</relation></reissue></us-related-documents>\n"
      + "<classifications-cpc><main-cpc><classification-cpc><section>H</section><class>04</class><subclass>L</subclass>"
      + "<main-group>65</main-group><subgroup>1069</subgroup><symbol-position>F</symbol-position>"
      + "<classification-value>I</classification-value></classification-cpc></main-cpc>"
      + "<further-cpc><combination-set><group-number>1</group-number><combination-rank><rank-number>1</rank-number>"
      + "<classification-cpc><section>Y</section><class>02</class><subclass>D</subclass><main-group>30</main-group>"
      + "<subgroup>50</subgroup></classification-cpc></combination-rank></combination-set></further-cpc></classifications-cpc>\n"
      + "<invention-title id=\"t\">Session   <i>handling</i>\n  in networks</invention-title>\n"
      // v4.6+ style: inventors directly in the bibliographic data, outside us-parties
      + "<inventors><inventor sequence=\"00\"><addressbook><first-name>Ada</first-name><last-name>Lovelace</last-name>"
      + "<address><city>London</city><country>GB</country></address></addressbook></inventor></inventors>\n"
      + "<us-parties><us-applicants><us-applicant sequence=\"00\" app-type=\"applicant\"><addressbook>"
      + "<orgname>Analytical Engines Ltd</orgname><address><country>GB</country></address></addressbook>"
      + "</us-applicant></us-applicants></us-parties>\n"
      + "</us-bibliographic-data-grant>\n"
      + "<abstract id=\"abstract\"><p id=\"p-1\">First   paragraph.</p>\n<p id=\"p-2\">Second <b>one</b>.</p></abstract>\n"
      + "<drawings id=\"DRAWINGS\"><figure id=\"Fig-EMI-D00000\" num=\"00000\"><img file=\"a-D00000.TIF\"/></figure>"
      + "<figure id=\"Fig-EMI-D00001\" num=\"00001\"><img file=\"a-D00001.TIF\"/></figure>"
      + "<figure id=\"Fig-EMI-D00002\" num=\"00002\"><img file=\"a-D00002.TIF\"/></figure></drawings>\n"
      + "<description id=\"description\">\n"
      + "<heading level=\"1\">TECHNICAL FIELD</heading><p>About networks.</p>\n"
      + "<heading level=\"1\">SUMMARY</heading><p>A summary.</p>\n"
      + "<description-of-drawings><p><figref>FIGS. 1A and 1B</figref> are views;</p>"
      + "<p><figref>FIG. 2</figref> is a section.</p></description-of-drawings>\n"
      + "<p>Still the summary.</p>\n"
      + "<heading level=\"1\">DETAILED DESCRIPTION</heading><p>Details <sub>1</sub> here.</p>"
      + "<heading level=\"2\">Example 1</heading><p>An example.</p>\n"
      + "</description>\n"
      + "<claims id=\"claims\">"
      + "<claim id=\"CLM-00001\" num=\"00001\"><claim-text>1. A method comprising:\n<claim-text>a step; and</claim-text>"
      + "\n<claim-text>another step.</claim-text></claim-text></claim>"
      + "<claim id=\"CLM-00002\" num=\"00002\"><claim-text>2. The method of claim 1.</claim-text></claim>"
      + "<claim id=\"CLM-00003\" num=\"00003\"><claim-text>3. The method of <claim-ref idref=\"CLM-00001 CLM-00002\">"
      + "claim 1 or 2</claim-ref>.</claim-text></claim>"
      + "<claim id=\"CLM-00004\" num=\"00004\"><claim-text>4. The method of any of <claim-ref idref=\"CLM-00001-00003\">"
      + "claims 1-3</claim-ref>.</claim-text></claim>"
      + "</claims>\n</us-patent-grant>\n";

  private static Patent parse() throws Exception {
    return new UsptoDocumentProcessor().process(DOC.getBytes(StandardCharsets.UTF_8), Fixtures.source("s.xml", 0), 1L);
  }

  @Test
  void elementsAreMatchedWhereverTheySit() throws Exception {
    Patent p = parse();
    assertThat(p.getPublicationKey()).isEqualTo("US-RE49123-E1");
    assertThat(p.getDocumentType()).isEqualTo("reissue");
    assertThat(p.getSource().getProduct()).isEqualTo("us-patent-grant v4.7 2022-11-10");
    assertThat(p.getTitles().get(0).getText()).isEqualTo("Session handling in networks");
    assertThat(p.getInventors()).extracting(x -> x.getName() + "/" + x.getCity() + "/" + x.getCountry())
        .containsExactly("Ada Lovelace/London/GB");
    assertThat(p.getApplicants()).extracting(x -> x.getName()).containsExactly("Analytical Engines Ltd");
    assertThat(p.getAbstracts().get(0).getText()).isEqualTo("First paragraph.\nSecond one.");
    // combination sets are not classifications of their own
    assertThat(p.getClassifications()).extracting(c -> c.getScheme() + " " + c.getSymbol() + " " + c.getFirst())
        .containsExactly("CPC H04L 65/1069 true");
    assertThat(p.getRelatedDocuments()).extracting(r -> r.getRelation() + " " + r.getDocument().getNumber())
        .containsExactly("reissue 15000001", "reissue 10000001");
  }

  @Test
  void claimRefListsAndRanges() throws Exception {
    Patent p = parse();
    assertThat(p.getClaims().get(0).getText()).isEqualTo("A method comprising: a step; and another step.");
    assertThat(p.getClaims().get(1).getDependsOn()).isEmpty(); // "claim 1" in plain text without claim-ref
    assertThat(p.getClaims().get(2).getDependsOn()).containsExactly(1, 2);
    assertThat(p.getClaims().get(3).getDependsOn()).containsExactly(1, 2, 3);
  }

  @Test
  void sectionsFromHeadingsWhenThereAreNoProcessingInstructions() throws Exception {
    Patent p = parse();
    assertThat(p.getDescription()).extracting(DescriptionSection::getSection, DescriptionSection::getHeading,
        DescriptionSection::getText).containsExactly(
        org.assertj.core.groups.Tuple.tuple("background", "TECHNICAL FIELD", "About networks."),
        org.assertj.core.groups.Tuple.tuple("summary", "SUMMARY", "A summary."),
        org.assertj.core.groups.Tuple.tuple("brief-description-of-drawings", null,
            "FIGS. 1A and 1B are views;\nFIG. 2 is a section."),
        org.assertj.core.groups.Tuple.tuple("summary", null, "Still the summary."),
        org.assertj.core.groups.Tuple.tuple("detailed-description", "DETAILED DESCRIPTION", "Details 1 here."),
        org.assertj.core.groups.Tuple.tuple("detailed-description", "Example 1", "An example."));
    // 2 sheets, FIG numbers 1 (1A, 1B) and 2: one number per sheet
    assertThat(p.getFigures().get(1).getFigureNumbers()).containsExactly("1A", "1B");
    assertThat(p.getFigures().get(1).getViewText()).isEqualTo("FIGS. 1A and 1B are views");
    assertThat(p.getFigures().get(2).getFigureNumbers()).containsExactly("2");
  }
}
