package io.patent2tech.udfs.kipris;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.patent2tech.schema.Claim;
import io.patent2tech.schema.Classification;
import io.patent2tech.schema.LocalizedText;
import io.patent2tech.schema.Party;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.Source;
import io.patent2tech.udfs.DocumentRejectedException;
import io.patent2tech.udfs.Fixtures;

/**
 * {@code getBibliographyDetailInfoSearch} (kipo-api/kipi) responses. No captured detail response is
 * available as a file, so {@code fixtures/kipris/synthetic/detail_1020190012345.xml} reproduces the
 * real layout with invented content (fixtures/PROVENANCE.md); the error envelopes are built here from the documented forms.
 */
class KiprisDetailTest {

  private final KiprisDocumentProcessor processor = new KiprisDocumentProcessor();

  private static String detail() {
    return new String(Fixtures.kipris("synthetic/detail_1020190012345.xml"), StandardCharsets.UTF_8);
  }

  private static final Source WHERE =
      new Source("KIPO", null, "kipris", null, 0L, null, "GET getBibliographyDetailInfoSearch?applicationNumber=1020190012345", "run-7");

  private Patent process(String xml) throws Exception {
    return processor.process(xml.getBytes(StandardCharsets.UTF_8), WHERE, 1_714_000_000_000L);
  }

  @Test
  void grantedDetailIsTheB1WithEverythingMapped() throws Exception {
    Patent p = process(detail());
    assertThat(p.getPublicationKey()).isEqualTo("KR-102123456-B1");
    assertThat(p.getPublication().getDate()).isEqualTo("2020-09-09"); // publicationDate 2020.09.09 (등록공고)
    assertThat(p.getApplicationKey()).isEqualTo("KR-1020190012345");
    assertThat(p.getApplication().getDate()).isEqualTo("2019-01-15");
    assertThat(p.getRelatedDocuments()).extracting(r -> r.getRelation() + " " + r.getDocument().getNumber()
            + " " + r.getDocument().getKind() + " " + r.getDocument().getDate())
        .containsExactly("related-publication 1020200023456 A 2020-02-20", "other 1020180098765 null null");
    assertThat(p.getDocumentType()).isEqualTo("utility");
    assertThat(p.getLanguage()).isEqualTo("ko");
    assertThat(p.getTitles()).extracting(LocalizedText::getLang, LocalizedText::getText).containsExactly(
        org.assertj.core.groups.Tuple.tuple("ko", "열 교환 모듈 및 이를 포함하는 냉각 장치"),
        org.assertj.core.groups.Tuple.tuple("en", "HEAT EXCHANGE MODULE AND COOLING DEVICE COMPRISING THE SAME"));
    assertThat(p.getAbstracts().get(0).getText())
        .isEqualTo("본 발명은 열 교환 모듈에 관한 것으로, 냉매가 흐르는 복수의 튜브와 상기 튜브 사이에 배치되는 핀을 포함한다.");

    assertThat(p.getClaims()).extracting(Claim::getNumber).containsExactly(1, 2, 3, 4, 5);
    assertThat(p.getClaims().get(0).getText()).startsWith("냉매가 흐르는 복수의 튜브;");
    assertThat(p.getClaims()).extracting(Claim::getIndependent).containsExactly(true, false, false, false, true);
    assertThat(p.getClaims()).extracting(Claim::getDependsOn)
        .containsExactly(List.of(), List.of(1), List.of(1, 2), List.of(1, 2, 3), List.of());
    assertThat(p.getClaims().get(4).getText()).isEqualTo("삭제");

    assertThat(p.getClassifications()).extracting(Classification::getScheme, Classification::getSymbol,
            Classification::getFirst, Classification::getVersion)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("IPC", "F28D 1/04", true, "2006-01-01"),
            org.assertj.core.groups.Tuple.tuple("IPC", "F28F 9/02", false, "2006-01-01"),
            org.assertj.core.groups.Tuple.tuple("CPC", "F28D 1/0408", true, "2013-01-01"));
    assertThat(p.getApplicants()).extracting(Party::getName).containsExactly("주식회사 가나다");
    assertThat(p.getApplicants().get(0).getCity()).isNull(); // masked address not read
    assertThat(p.getInventors()).extracting(Party::getName).containsExactly("홍길동", "김영희");
    assertThat(p.getAgents()).extracting(Party::getName).containsExactly("이철수");
    assertThat(p.getFamilyId()).isNull();
    assertThat(p.getSource().getProduct()).isEqualTo("kipris-plus getBibliographyDetailInfoSearch");
    assertThat(p.getSource().getCollectionRun()).isEqualTo("run-7");
    assertThat(p.getIngestTime()).isEqualTo(1_714_000_000_000L);
  }

  @Test
  void unexaminedUtilityModelDetail() throws Exception {
    String xml = detail().replace("<applicationNumber>1020190012345", "<applicationNumber>2020190012345")
        .replace("<openNumber>1020200023456", "<openNumber>2020200023456")
        .replace("<registerNumber>1021234560000</registerNumber>", "<registerNumber> </registerNumber>");
    Patent p = process(xml);
    assertThat(p.getPublicationKey()).isEqualTo("KR-2020200023456-U");
    assertThat(p.getPublication().getDate()).isEqualTo("2020-02-20");
    assertThat(p.getDocumentType()).isEqualTo("other");
    assertThat(p.getApplicationKey()).isEqualTo("KR-2020190012345");
  }

  @Test
  void singleEntryBlocksAndEmptyBlocksReadLikeLists() throws Exception {
    String xml = detail();
    int from = xml.indexOf("<claimInfo><claim>2.");
    int to = xml.indexOf("</claimInfoArray>");
    String oneClaim = xml.substring(0, from) + xml.substring(to);
    Patent p = process(oneClaim.replace("<familyInfoArray><familyInfo><familyApplicationNumber>1020180098765"
        + "</familyApplicationNumber></familyInfo></familyInfoArray>", "<familyInfoArray/>"));
    assertThat(p.getClaims()).hasSize(1);
    assertThat(p.getClaims().get(0).getIndependent()).isTrue();
    assertThat(p.getRelatedDocuments()).hasSize(1); // the A publication; the empty family block adds nothing

    // an entry without its Array wrapper
    Patent bare = process(xml.replace("<cpcInfoArray><cpcInfo>", "<cpcInfo>").replace("</cpcInfo></cpcInfoArray>", "</cpcInfo>"));
    assertThat(bare.getClassifications()).extracting(Classification::getSymbol).contains("F28D 1/0408");
  }

  @Test
  void docdbFamilyIdIsTheFamilyId() throws Exception {
    Patent p = process(detail().replace("<claimCount>5</claimCount>", "<claimCount>5</claimCount><docdbFamilyId>71234567</docdbFamilyId>"));
    assertThat(p.getFamilyId()).isEqualTo("71234567");
  }

  @Test
  void nilSummaryIsRejectedWithAReason() {
    String xml = detail();
    int from = xml.indexOf("<biblioSummaryInfo>");
    int to = xml.indexOf("</biblioSummaryInfoArray>");
    String nil = xml.substring(0, from)
        + "<biblioSummaryInfo xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:nil=\"true\"/>" + xml.substring(to);
    assertThatThrownBy(() -> process(nil)).isInstanceOfSatisfying(DocumentRejectedException.class, e -> {
      assertThat(e.stage()).isEqualTo(DocumentRejectedException.STAGE_PARSE);
      assertThat(e.reason()).startsWith("biblioSummaryInfo is nil or empty");
    });
  }

  @Test
  void invalidServiceKeyIsAnApiErrorNotARejection() {
    String legacy = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n\r\n<response>\r\n\t<header>\r\n"
        + "\t\t<resultCode>30</resultCode>\r\n\t\t<resultMsg>AccessKey&amp;ServiceID Is Not Registerd Error</resultMsg>\r\n"
        + "\t</header>\r\n\t<body>\r\n\t\t<items>\r\n\t\t</items>\r\n\t</body>\r\n</response>\r\n";
    assertThatThrownBy(() -> process(legacy)).isInstanceOfSatisfying(KiprisApiException.class, e -> {
      assertThat(e.resultCode()).isEqualTo("30");
      assertThat(e.resultMessage()).isEqualTo("AccessKey&ServiceID Is Not Registerd Error");
      assertThat(e.unreadable()).isFalse();
    });
    assertThatThrownBy(() -> KiprisEnvelope.searchPage(legacy.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(KiprisApiException.class).hasMessageContaining("resultCode=30");
    assertThatThrownBy(() -> processor.processAll(legacy.getBytes(StandardCharsets.UTF_8), WHERE, 0L))
        .isInstanceOf(KiprisApiException.class);

    String blocked = "<response><header><successYN>N</successYN><resultCode>10</resultCode>"
        + "<resultMsg>Blocked users.</resultMsg></header><body/></response>";
    assertThatThrownBy(() -> process(blocked)).isInstanceOfSatisfying(KiprisApiException.class,
        e -> assertThat(e.resultCode() + " " + e.resultMessage()).isEqualTo("10 Blocked users."));

    String gateway = "<OpenAPI_ServiceResponse><cmmMsgHeader><errMsg>SERVICE ERROR</errMsg>"
        + "<returnAuthMsg>SERVICE_KEY_IS_NOT_REGISTERED_ERROR</returnAuthMsg><returnReasonCode>30</returnReasonCode>"
        + "</cmmMsgHeader></OpenAPI_ServiceResponse>";
    assertThatThrownBy(() -> process(gateway)).isInstanceOfSatisfying(KiprisApiException.class,
        e -> assertThat(e.resultCode()).isEqualTo("30"));
  }

  @Test
  void successEnvelopeWithCode00Passes() throws Exception {
    KiprisEnvelope.SearchPage page = KiprisEnvelope.searchPage(detail().getBytes(StandardCharsets.UTF_8));
    assertThat(page.totalCount()).isEqualTo(1L);
    assertThat(page.numOfRows()).isEqualTo(1);
    assertThat(page.pageNo()).isEqualTo(1);
    assertThat(page.applicationNumbers()).isEmpty(); // a detail item keeps its numbers in biblioSummaryInfo
  }

  @Test
  void malformedOrTruncatedXmlIsAParseRejection() {
    String xml = detail();
    String truncated = xml.substring(0, xml.indexOf("<claimInfo><claim>3."));
    assertThatThrownBy(() -> process(truncated)).isInstanceOfSatisfying(DocumentRejectedException.class, e -> {
      assertThat(e.stage()).isEqualTo(DocumentRejectedException.STAGE_PARSE);
      assertThat(e.reason()).startsWith("malformed XML: ").contains("line");
    });
    assertThatThrownBy(() -> process("<html><body>502 Bad Gateway</body>"))
        .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.reason()).startsWith("malformed XML"));
    assertThatThrownBy(() -> process("Service temporarily unavailable"))
        .isInstanceOfSatisfying(DocumentRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo("not XML (starts with 'Service temporarily unavailable')"));
    assertThatThrownBy(() -> process(""))
        .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.reason()).isEqualTo("empty response"));
    assertThatThrownBy(() -> KiprisEnvelope.searchPage(truncated.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(KiprisApiException.class, e -> assertThat(e.unreadable()).isTrue());
  }

  @Test
  void aDoctypeIsNeverFollowed() {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE response [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<response><header><resultCode>00</resultCode></header><body><item><x>&x;</x></item></body></response>";
    assertThatThrownBy(() -> process(xxe)).isInstanceOf(DocumentRejectedException.class)
        .hasMessageNotContaining("root:");
  }
}
