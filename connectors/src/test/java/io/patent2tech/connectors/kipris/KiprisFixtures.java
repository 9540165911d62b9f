package io.patent2tech.connectors.kipris;

import java.nio.charset.StandardCharsets;

/**
 * Responses in the shape of the current kipo-api (header with successYN/resultCode/resultMsg,
 * items, a count block), for paging tests: the captured fixtures are single pages of the legacy
 * API, and no multi-page capture under 1 MB exists (see fixtures/PROVENANCE.md).
 */
final class KiprisFixtures {

  private KiprisFixtures() {}

  static byte[] searchPage(int pageNo, int numOfRows, long total, String... applicationNumbers) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + "<response><header><successYN>Y</successYN><resultCode>00</resultCode>"
        + "<resultMsg>NORMAL SERVICE.</resultMsg></header><body><items>");
    int i = (pageNo - 1) * numOfRows;
    for (String n : applicationNumbers) {
      xml.append("<item><indexNo>").append(++i).append("</indexNo><registerStatus>등록</registerStatus>"
          + "<inventionTitle>발명 ").append(n).append("</inventionTitle><applicationNumber>").append(n)
          .append("</applicationNumber><applicationDate>20230101</applicationDate></item>");
    }
    xml.append("</items></body><count><numOfRows>").append(numOfRows).append("</numOfRows><pageNo>")
        .append(pageNo).append("</pageNo><totalCount>").append(total).append("</totalCount></count></response>");
    return xml.toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] detail(String applicationNumber) {
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><response><header><successYN>Y</successYN>"
        + "<resultCode>00</resultCode><resultMsg>NORMAL SERVICE.</resultMsg></header><body><item>"
        + "<biblioSummaryInfoArray><biblioSummaryInfo><applicationNumber>" + applicationNumber
        + "</applicationNumber><inventionTitle>발명</inventionTitle></biblioSummaryInfo>"
        + "</biblioSummaryInfoArray></item></body></response>").getBytes(StandardCharsets.UTF_8);
  }

  static byte[] error(String code, String message) {
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><response><header><successYN>N</successYN>"
        + "<resultCode>" + code + "</resultCode><resultMsg>" + message + "</resultMsg></header></response>")
        .getBytes(StandardCharsets.UTF_8);
  }
}
