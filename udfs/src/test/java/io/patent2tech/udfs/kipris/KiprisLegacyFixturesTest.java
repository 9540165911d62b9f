package io.patent2tech.udfs.kipris;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.patent2tech.schema.Classification;
import io.patent2tech.schema.LocalizedText;
import io.patent2tech.schema.Party;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.Source;
import io.patent2tech.udfs.DocumentRejectedException;
import io.patent2tech.udfs.DocumentResult;
import io.patent2tech.udfs.Fixtures;

/**
 * The captured legacy {@code openapi/rest} responses in fixtures/kipris (CRLF, tab indents, blank
 * lines after the declaration, empty resultCode = success). Expected values read by hand from the files.
 */
class KiprisLegacyFixturesTest {

  private static final String HYESEONG = "neojune_res_dummy_patent_120070385648_1.xml";
  private static final String MARINE = "neojune_enterprise_patent_120070353675_1.xml";
  private static final String INNODIS = "neojune_enterprise_patent_120050421158_1.xml";
  private static final String WINTEC = "neojune_enterprise_patent_120040373042_1.xml";
  private static final String DESIGNS = "neojune_enterprise_design_120050421158_1.xml";
  private static final String NO_HITS = "neojune_enterprise_design_120070385648_1.xml";

  private final KiprisDocumentProcessor processor = new KiprisDocumentProcessor();

  private static Source where(String file) {
    return new Source("KIPO", null, file, null, 0L, null, "GET patUtiModInfoSearchSevice applicant=...", "run-1");
  }

  private List<DocumentResult> all(String file) throws Exception {
    return processor.processAll(Fixtures.kipris(file), where(file), 1_700_000_000_000L);
  }

  @Test
  void utilityModelRowIsTheY1RegistrationWithItsUPublicationRelated() throws Exception {
    List<DocumentResult> results = all(HYESEONG);
    assertThat(results).hasSize(6);

    DocumentResult first = results.get(0);
    assertThat(first.applicationNumber()).isEqualTo("2020150005106");
    Patent p = first.normalized();
    assertThat(p.getPublicationKey()).isEqualTo("KR-200482576-Y1");
    assertThat(p.getPublication().getDate()).isEqualTo("2017-02-09"); // PublicDate (등록공고), not RegistrationDate
    assertThat(p.getApplicationKey()).isEqualTo("KR-2020150005106");
    assertThat(p.getApplication().getDate()).isEqualTo("2015-07-29");
    assertThat(p.getDocumentType()).isEqualTo("other"); // utility model
    assertThat(p.getLanguage()).isEqualTo("ko");
    assertThat(p.getTitles()).extracting(LocalizedText::getText).containsExactly("방차통");
    assertThat(p.getAbstracts().get(0).getText()).startsWith("본 고안의 한 실시예에 따른 방차통은, 속이 빈 원통형의 중심부");
    assertThat(p.getClassifications()).extracting(Classification::getScheme, Classification::getSymbol)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("IPC", "H02G 11/02"),
            org.assertj.core.groups.Tuple.tuple("IPC", "B65H 75/14"),
            org.assertj.core.groups.Tuple.tuple("IPC", "B65H 75/34"));
    assertThat(p.getApplicants()).extracting(Party::getName).containsExactly("혜성씨앤씨주식회사");
    assertThat(p.getRelatedDocuments()).hasSize(1);
    assertThat(p.getRelatedDocuments().get(0).getRelation()).isEqualTo("related-publication");
    assertThat(p.getRelatedDocuments().get(0).getDocument().getNumber()).isEqualTo("2020170000524");
    assertThat(p.getRelatedDocuments().get(0).getDocument().getKind()).isEqualTo("U");
    assertThat(p.getRelatedDocuments().get(0).getDocument().getDate()).isEqualTo("2017-02-08");
    assertThat(p.getSource().getProduct()).isEqualTo("kipris openapi rest PatentUtilityInfo");
    assertThat(p.getSource().getRequest()).isEqualTo("GET patUtiModInfoSearchSevice applicant=...");
    assertThat(p.getContentHash()).hasSize(64);

    // search rows have no claims: the validator rejects them, one by one
    assertThat(first.isAccepted()).isFalse();
    assertThat(first.rejection().stage()).isEqualTo(DocumentRejectedException.STAGE_VALIDATE);
    assertThat(first.rejection().reason()).contains("claims");
    assertThat(first.rejection().publicationKey()).isEqualTo("KR-200482576-Y1");
  }

  @Test
  void patentRowWithoutOpeningIsB1AndPositionsCountRows() throws Exception {
    List<DocumentResult> results = all(HYESEONG);
    Patent p = results.get(1).normalized();
    assertThat(p.getPublicationKey()).isEqualTo("KR-102650748-B1");
    assertThat(p.getPublication().getDate()).isEqualTo("2024-03-26");
    assertThat(p.getApplicationKey()).isEqualTo("KR-1020230132011");
    assertThat(p.getDocumentType()).isEqualTo("utility");
    assertThat(p.getTitles().get(0).getText()).isEqualTo("공압 포설이 용이한 광케이블");
    assertThat(p.getRelatedDocuments()).isEmpty();
    assertThat(results).extracting(r -> r.normalized().getSource().getPosition())
        .containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
  }

  @Test
  void unexaminedPublicationRowIsKindA() throws Exception {
    Patent p = all(MARINE).get(0).normalized();
    assertThat(p.getPublicationKey()).isEqualTo("KR-1020220148723-A");
    assertThat(p.getPublication().getDate()).isEqualTo("2022-11-07");
    assertThat(p.getApplicationKey()).isEqualTo("KR-1020220011322");
    assertThat(p.getApplication().getDate()).isEqualTo("2022-01-26");
    assertThat(p.getApplicants()).extracting(Party::getName).containsExactly("(주)마린바이오프로세스");
  }

  @Test
  void pipeJoinedApplicantsAreSeveralParties() throws Exception {
    List<DocumentResult> results = all(INNODIS);
    assertThat(results).hasSize(14);
    assertThat(results.get(0).normalized().getPublicationKey()).isEqualTo("KR-101476982-B1");
    Patent p = results.get(6).normalized();
    assertThat(p.getApplicationKey()).isEqualTo("KR-1020170053300");
    assertThat(p.getPublicationKey()).isEqualTo("KR-1020180119760-A"); // refused (거절) after publication
    assertThat(p.getApplicants()).extracting(Party::getName).containsExactly("주식회사 이노디스", "김덕현");
    assertThat(p.getApplicants()).extracting(Party::getSequence).containsExactly(0, 1);
    assertThat(p.getClassifications()).extracting(Classification::getSymbol)
        .containsExactly("B65G 39/02", "B65G 49/06", "H01L 21/677");
  }

  @Test
  void numericReferencesInAbstractsAreDecoded() throws Exception {
    List<DocumentResult> results = all(WINTEC);
    assertThat(results).hasSize(92);
    List<String> abstracts = results.stream().flatMap(r -> r.normalized().getAbstracts().stream())
        .map(LocalizedText::getText).collect(Collectors.toList());
    assertThat(abstracts).noneMatch(a -> a.contains("&#039;")).anyMatch(a -> a.contains("'"));
  }

  @Test
  void searchPageGivesTotalAndApplicationNumbers() throws Exception {
    KiprisEnvelope.SearchPage page = KiprisEnvelope.searchPage(Fixtures.kipris(WINTEC));
    assertThat(page.totalCount()).isEqualTo(92L);
    assertThat(page.startNumber()).isEqualTo(1);
    assertThat(page.numOfRows()).isNull();
    assertThat(page.pageNo()).isNull();
    assertThat(page.items()).hasSize(92);
    assertThat(page.applicationNumbers()).hasSize(92).doesNotHaveDuplicates();

    KiprisEnvelope.SearchPage hyeseong = KiprisEnvelope.searchPage(Fixtures.kipris(HYESEONG));
    assertThat(hyeseong.totalCount()).isEqualTo(6L);
    KiprisEnvelope.SearchItem row = hyeseong.items().get(0);
    assertThat(row.applicationNumber()).isEqualTo("2020150005106");
    assertThat(row.applicationDate()).isEqualTo("20150729");
    assertThat(row.openNumber()).isEqualTo("2020170000524");
    assertThat(row.openDate()).isEqualTo("20170208");
    assertThat(row.publicationNumber()).isNull(); // <PublicNumber></PublicNumber>
    assertThat(row.publicationDate()).isEqualTo("20170209");
    assertThat(row.registrationNumber()).isEqualTo("2004825760000");
    assertThat(row.registrationDate()).isEqualTo("20170202");
    assertThat(row.status()).isEqualTo("등록");
  }

  @Test
  void designsAreRejectedWithAReason() throws Exception {
    List<DocumentResult> results = all(DESIGNS);
    assertThat(results).hasSize(2);
    assertThat(results.get(0).applicationNumber()).isEqualTo("3020180059066");
    assertThat(results.get(0).normalized()).isNull();
    assertThat(results.get(0).rejection().stage()).isEqualTo(DocumentRejectedException.STAGE_PARSE);
    assertThat(results.get(0).rejection().reason())
        .isEqualTo("design application 3020180059066 (관 피팅용 조인트): KIPRIS designs are out of scope "
            + "(no claims or abstract to map)");

    KiprisEnvelope.SearchPage page = KiprisEnvelope.searchPage(Fixtures.kipris(DESIGNS));
    assertThat(page.totalCount()).isEqualTo(2L);
    assertThat(page.applicationNumbers()).first().isEqualTo("3020180059066");
  }

  @Test
  void zeroHitResponse() throws Exception {
    KiprisEnvelope.SearchPage page = KiprisEnvelope.searchPage(Fixtures.kipris(NO_HITS));
    assertThat(page.totalCount()).isZero();
    assertThat(page.items()).isEmpty();
    assertThat(all(NO_HITS)).isEmpty();
    assertThatThrownBy(() -> processor.process(Fixtures.kipris(NO_HITS), where(NO_HITS), 0L))
        .isInstanceOf(DocumentRejectedException.class).hasMessageContaining("no record");
  }

  @Test
  void blankLinesBeforeTheDeclarationAndLfOnlyReadTheSame() throws Exception {
    String crlf = new String(Fixtures.kipris(HYESEONG), StandardCharsets.UTF_8);
    assertThat(crlf).contains("\r\n\r\n\r\n\r\n<response>").contains("\t\t\t<PatentUtilityInfo>");
    byte[] padded = ("\r\n\r\n  " + crlf).getBytes(StandardCharsets.UTF_8);
    byte[] lf = crlf.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
    List<String> expected = hashes(all(HYESEONG));
    assertThat(hashes(processor.processAll(padded, where(HYESEONG), 0L))).isEqualTo(expected);
    assertThat(hashes(processor.processAll(lf, where(HYESEONG), 0L))).isEqualTo(expected);
  }

  @Test
  void singleRowResponseReadsLikeTheSameRowInAList() throws Exception {
    String xml = new String(Fixtures.kipris(HYESEONG), StandardCharsets.UTF_8);
    int firstEnd = xml.indexOf("</PatentUtilityInfo>") + "</PatentUtilityInfo>".length();
    int countAt = xml.indexOf("<TotalSearchCount>");
    String single = xml.substring(0, firstEnd) + "\r\n\t\t\t" + xml.substring(countAt).replace(">6<", ">1<");
    byte[] bytes = single.getBytes(StandardCharsets.UTF_8);

    List<DocumentResult> one = processor.processAll(bytes, where(HYESEONG), 0L);
    assertThat(one).hasSize(1);
    assertThat(one.get(0).normalized().getContentHash())
        .isEqualTo(all(HYESEONG).get(0).normalized().getContentHash());
    assertThat(KiprisEnvelope.searchPage(bytes).totalCount()).isEqualTo(1L);
    // process() takes the single record, and rejects it like processAll: a search row has no claims
    assertThatThrownBy(() -> processor.process(bytes, where(HYESEONG), 0L))
        .isInstanceOfSatisfying(DocumentRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo("missing required field: claims (at least one claim with text)"));
    // and refuses a list
    assertThatThrownBy(() -> processor.process(Fixtures.kipris(HYESEONG), where(HYESEONG), 0L))
        .isInstanceOf(DocumentRejectedException.class).hasMessageContaining("holds 6 records; use processAll");
  }

  private static List<String> hashes(List<DocumentResult> results) {
    return results.stream().map(r -> r.normalized().getContentHash()).collect(Collectors.toList());
  }
}
