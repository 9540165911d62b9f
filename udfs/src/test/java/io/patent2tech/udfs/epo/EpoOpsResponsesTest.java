package io.patent2tech.udfs.epo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.patent2tech.schema.LocalizedText;
import io.patent2tech.schema.Party;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.Source;
import io.patent2tech.udfs.DocumentRejectedException;
import io.patent2tech.udfs.DocumentResult;
import io.patent2tech.udfs.Fixtures;
import io.patent2tech.udfs.epo.EpoOpsResponses.Kind;

/** Multi-document responses, kind detection and the join of claims/description to their biblio. */
class EpoOpsResponsesTest {

  private static final String SEARCH_WITH_BIBLIO = "patent-dev/search_with_constituent_response.xml";
  private static final long NOW = 1_700_000_000_000L;

  @Test
  void kindsFromContent() throws Exception {
    assertThat(EpoOpsResponses.kindOf(Fixtures.epoBytes(SEARCH_WITH_BIBLIO))).isEqualTo(Kind.BIBLIO);
    assertThat(EpoOpsResponses.kindOf(Fixtures.epoBytes("patent-dev/get_biblio_response.xml")))
        .isEqualTo(Kind.BIBLIO);
    assertThat(EpoOpsResponses.kindOf(Fixtures.epoBytes("published/fixtures/ep1000000_abstract_result.xml")))
        .isEqualTo(Kind.BIBLIO);
    assertThat(EpoOpsResponses.kindOf(Fixtures.epoBytes("patent-dev/search_response.xml"))).isEqualTo(Kind.SEARCH);
    assertThat(EpoOpsResponses.kindOf(Fixtures.epoBytes("published/test/search_example.xml")))
        .isEqualTo(Kind.SEARCH);
    assertThat(EpoOpsResponses.kindOf(Fixtures.epoBytes("published/test/claims_example_2.xml")))
        .isEqualTo(Kind.CLAIMS);
    assertThat(EpoOpsResponses.kindOf(Fixtures.epoBytes("patent-dev/get_description_response.xml")))
        .isEqualTo(Kind.DESCRIPTION);
    assertThat(EpoOpsResponses.kindOf(Fixtures.epoBytes("family/fixtures/family_input.xml"))).isEqualTo(Kind.OTHER);
    assertThat(EpoOpsResponses.kindOf(Fixtures.epoBytes("published/test/image_example.xml"))).isEqualTo(Kind.OTHER);
    assertThatThrownBy(() -> EpoOpsResponses.kindOf(Fixtures.epoBytes("published/fixtures/search_result.xml")))
        .isInstanceOf(DocumentRejectedException.class).hasMessageContaining("not XML");
  }

  @Test
  void searchWithBiblioConstituentGivesOneResultPerDocument() {
    Source where = new Source("EPO", null, "search_with_constituent_response.xml", null, 7L, null, null, null);
    List<DocumentResult> results = new EpoOpsDocumentProcessor(false)
        .processAll(Fixtures.epoBytes(SEARCH_WITH_BIBLIO), where, NOW);
    assertThat(results).allMatch(DocumentResult::isAccepted);
    assertThat(results).extracting(DocumentResult::index, DocumentResult::publicationKey).containsExactly(
        tuple(0, "AU-2024270787-A1"), tuple(1, "AU-2024265697-A1"), tuple(2, "DK-3740998-T3"));
    Patent au = results.get(0).patent();
    assertThat(au.getFamilyId()).isEqualTo("86386685");
    assertThat(au.getPublication().getDate()).isEqualTo("2025-10-23");
    assertThat(au.getApplicationKey()).isEqualTo("AU-2024270787");
    assertThat(au.getTitles()).extracting(LocalizedText::getLang, LocalizedText::getText)
        .containsExactly(tuple("en", "MONITORING THE OPERATION OF A WIND TURBINE"));
    assertThat(au.getApplicants()).extracting(Party::getName).containsExactly("SIEMENS GAMESA RENEWABLE ENERGY AS");
    assertThat(au.getInventors()).extracting(Party::getName).containsExactly("NADERHOFF THORSTEN", "SANDEL KLAUS");
    assertThat(au.getClassifications()).filteredOn(c -> c.getScheme().equals("IPC"))
        .extracting(c -> c.getSymbol()).containsExactly("F03D 17/00"); // the single classification-ipcr
    assertThat(au.getSource().getPosition()).isZero();
    assertThat(results.get(2).patent().getSource().getPosition()).isEqualTo(2L);

    Patent steam = results.get(1).patent();
    assertThat(steam.getApplicants()).extracting(Party::getName).containsExactly("SIEMENS ENERGY GLOBAL GMBH & CO KG");
    assertThat(steam.getAbstracts()).hasSize(1);

    Patent dk = results.get(2).patent();
    assertThat(dk.getApplicationKey()).isEqualTo("DK-19702186");
    // lang="ol" (original language) is no ISO code: the title is kept without a language
    assertThat(dk.getTitles()).extracting(LocalizedText::getLang, LocalizedText::getText)
        .containsExactly(tuple(null, "ENERGILAGRINGSSYSTEM"));
    assertThat(dk.getApplicants()).extracting(Party::getName, Party::getCountry)
        .containsExactly(tuple("SIEMENS ENERGY AS", "NO"));
    assertThat(dk.getInventors()).extracting(Party::getName)
        .containsExactly("BERGE TORE", "SKJETNE ARVE", "BØRSHEIM EIRIK");
    // priorities only in epodoc + original form: epodoc's country with the original number
    assertThat(dk.getRelatedDocuments()).extracting(r -> r.getRelation(), r -> r.getDocument().getCountry(),
        r -> r.getDocument().getNumber(), r -> r.getDocument().getDate())
        .containsExactly(tuple("priority", "GB", "201800758", "2018-01-17"),
            tuple("priority", "WO", "EP2019050740", "2019-01-14"));
  }

  @Test
  void withoutClaimsEveryDocumentIsRejectedOnItsOwnByTheDefaultProcessor() {
    List<DocumentResult> results = new EpoOpsDocumentProcessor()
        .processAll(Fixtures.epoBytes(SEARCH_WITH_BIBLIO), null, NOW);
    assertThat(results).hasSize(3).noneMatch(DocumentResult::isAccepted);
    assertThat(results).extracting(r -> r.rejection().stage()).containsOnly("validate");
    assertThat(results.get(2).publicationKey()).isEqualTo("DK-3740998-T3");
  }

  @Test
  void truncatedMultiDocumentResponseIsOneRejection() {
    byte[] full = Fixtures.epoBytes(SEARCH_WITH_BIBLIO);
    List<DocumentResult> results = new EpoOpsDocumentProcessor(false)
        .processAll(Arrays.copyOf(full, full.length * 2 / 3), null, NOW);
    assertThat(results).hasSize(1);
    assertThat(results.get(0).index()).isEqualTo(-1);
    assertThat(results.get(0).rejection().stage()).isEqualTo("parse");
    assertThat(results.get(0).rejection().reason()).startsWith("malformed XML in biblio response");
  }

  @Test
  void parseCommandJoinsClaimsAndDescriptionToTheirBiblio() {
    Map<String, byte[]> in = new LinkedHashMap<>();
    in.put("claims.xml", Fixtures.epoBytes("published/test/claims_example.xml"));
    in.put("search.xml", Fixtures.epoBytes(SEARCH_WITH_BIBLIO));
    in.put("ep-biblio.xml", Fixtures.epoBytes("published/test/expected/ep1000000_biblio_result.xml"));
    in.put("description.xml", Fixtures.epoBytes("published/test/description_example.xml"));
    in.put("wo-claims.xml", Fixtures.epoBytes("published/test/claims_example_2.xml"));
    in.put("family.xml", Fixtures.epoBytes("family/fixtures/family_input.xml"));
    in.put("refs-only.xml", Fixtures.epoBytes("patent-dev/search_response.xml"));
    in.put("dump.xml", Fixtures.epoBytes("published/fixtures/ep1000000_description_result.xml"));

    List<DocumentResult> results = new EpoOpsResponses(false).process(in, NOW);

    assertThat(results).filteredOn(DocumentResult::isAccepted)
        .extracting(DocumentResult::file, DocumentResult::index, DocumentResult::publicationKey)
        .containsExactly(
            tuple("search.xml", 0, "AU-2024270787-A1"),
            tuple("search.xml", 1, "AU-2024265697-A1"),
            tuple("search.xml", 2, "DK-3740998-T3"),
            tuple("ep-biblio.xml", 0, "EP-1000000-A1"));
    Patent ep = results.get(3).patent();
    assertThat(ep.getClaims()).hasSize(11);
    assertThat(ep.getDescription()).hasSize(1);
    assertThat(ep.getSource().getFile()).isEqualTo("ep-biblio.xml");
    assertThat(ep.getSource().getProduct()).isEqualTo("epo-ops 3.2 biblio+claims+description");
    assertThat(results.get(0).patent().getClaims()).isEmpty();

    assertThat(results).filteredOn(r -> !r.isAccepted())
        .extracting(DocumentResult::file, r -> r.rejection().reason())
        .containsExactlyInAnyOrder(
            tuple("wo-claims.xml", "claims WO-2009085664-A2 has no biblio response among the inputs"),
            tuple("family.xml", "not a published-data biblio, claims or description response"),
            tuple("refs-only.xml", "search response without the biblio constituent (publication references only)"),
            tuple("dump.xml", "not XML: OPS response starts with \"{?  \"document_id\": {?   \""));
  }

  @Test
  void claimsInOneClaimTextAreSplitOnPrintedNumbers() throws Exception {
    // WO2009085664A2: one claim-text "Claims\n1. A computer-implemented method ...\n2. ...", 20 claims
    FulltextParser.Fulltext t = new FulltextParser()
        .parse(Fixtures.epoBytes("published/test/claims_example_2.xml"), "claims").get(0);
    assertThat(t.key()).isEqualTo("WO-2009085664-A2");
    assertThat(t.claimTexts()).hasSize(1);
    var claims = EpoClaims.of(t.claimTexts());
    assertThat(claims).hasSize(20);
    assertThat(claims.get(0).getText()).startsWith("A computer-implemented method comprising: maintaining metadata");
    assertThat(claims.get(1).getText()).startsWith("The method of claim 1 , wherein the user action inputs text");
    assertThat(claims.get(4).getText()).contains("browser's address bar"); // &apos; decoded
    assertThat(claims).filteredOn(c -> c.getIndependent()).extracting(c -> c.getNumber()).containsExactly(1, 8, 14);
    assertThat(claims.get(16).getDependsOn()).containsExactly(16);
    assertThat(claims.get(19).getDependsOn()).containsExactly(14);
  }
}
