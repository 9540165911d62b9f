package io.patent2tech.udfs.kipris;

import java.util.ArrayList;
import java.util.List;

/**
 * The result envelope of a KIPRIS Plus response, both API generations:
 * <ul>
 *   <li>legacy {@code openapi/rest}: {@code <response><header><resultCode/><resultMsg/></header>
 *       <body><items> ... <TotalSearchCount>n</TotalSearchCount><SearchStartNumber/></items>}; an
 *       <em>empty</em> resultCode is success; designs write {@code <totalCount>} first in items;</li>
 *   <li>current {@code kipo-api/kipi}: {@code <header>} with {@code successYN} (Y/N),
 *       {@code resultCode} {@code 00}, {@code resultMsg}; {@code <body><items><item>} (search) or
 *       {@code <body><item>} (detail); {@code <count><numOfRows/><pageNo/><totalCount/></count>}
 *       after the body;</li>
 *   <li>the data.go.kr gateway's {@code <OpenAPI_ServiceResponse><cmmMsgHeader>} error form
 *       ({@code returnReasonCode}, {@code returnAuthMsg}/{@code errMsg}).</li>
 * </ul>
 * A result code other than empty or all zeros, or {@code successYN} {@code N}, is an error of the
 * whole request: {@link KiprisApiException}.
 */
public final class KiprisEnvelope {

  /** Elements of {@code <items>} that are counters, not items. */
  private static final List<String> COUNTERS =
      List.of("TotalSearchCount", "SearchStartNumber", "totalCount", "numOfRows", "pageNo");

  private KiprisEnvelope() {}

  /**
   * One page of a search response, for the collector's paging: how many hits in all, and which
   * applications are on this page.
   *
   * @param totalCount  {@code TotalSearchCount} / {@code totalCount}; null when the response has none
   * @param numOfRows   rows per page when the response says ({@code count/numOfRows}), else null
   * @param pageNo      page number when the response says ({@code count/pageNo}), else null
   * @param startNumber the legacy {@code SearchStartNumber} (1-based index of the first row), else null
   * @param items       the rows, in response order
   */
  public record SearchPage(Long totalCount, Integer numOfRows, Integer pageNo, Integer startNumber,
                           List<SearchItem> items) {

    /** The application numbers of the rows, in order, without blanks. */
    public List<String> applicationNumbers() {
      List<String> out = new ArrayList<>(items.size());
      for (SearchItem i : items) {
        if (i.applicationNumber() != null) {
          out.add(i.applicationNumber());
        }
      }
      return out;
    }
  }

  /**
   * One row of a search page; fields as the office wrote them (numbers without the office's
   * dashes, dates {@code yyyyMMdd}), null when absent or blank.
   *
   * @param applicationNumber  13 digits, {@code 10} patent / {@code 20} utility model / {@code 30} design
   * @param openNumber         unexamined publication (공개) number
   * @param publicationNumber  registration announcement (공고) number, rarely filled
   * @param registrationNumber registration (등록) number, 13 digits ending in {@code 0000}
   * @param status             {@code 등록}, {@code 공개}, {@code 거절}, {@code 소멸}, {@code 취하} ...
   */
  public record SearchItem(String applicationNumber, String applicationDate, String openNumber, String openDate,
                           String publicationNumber, String publicationDate, String registrationNumber,
                           String registrationDate, String status) {}

  /**
   * Reads the envelope and rows of a search response (legacy or current; patents, utility models,
   * designs).
   *
   * @throws KiprisApiException on an error envelope, or ({@link KiprisApiException#unreadable()})
   *                            when the bytes are not a readable response
   */
  public static SearchPage searchPage(byte[] xml) throws KiprisApiException {
    XmlNode root = root(xml);
    check(root);
    if (!"response".equalsIgnoreCase(root.name())) {
      throw KiprisApiException.unreadable("root element <" + root.name() + "> is not a KIPRIS <response>", null);
    }
    List<SearchItem> rows = new ArrayList<>();
    for (XmlNode item : items(root)) {
      rows.add(new SearchItem(
          KiprisFields.number(item.first(KiprisFields.APPLICATION_NUMBER)),
          KiprisFields.compactDate(item.first(KiprisFields.APPLICATION_DATE)),
          KiprisFields.number(item.first(KiprisFields.OPEN_NUMBER)),
          KiprisFields.compactDate(item.first(KiprisFields.OPEN_DATE)),
          KiprisFields.number(item.first(KiprisFields.PUBLICATION_NUMBER)),
          KiprisFields.compactDate(item.first(KiprisFields.PUBLICATION_DATE)),
          KiprisFields.number(item.first(KiprisFields.REGISTRATION_NUMBER)),
          KiprisFields.compactDate(item.first(KiprisFields.REGISTRATION_DATE)),
          item.first(KiprisFields.STATUS)));
    }
    XmlNode body = root.child("body");
    XmlNode itemsNode = body == null ? null : body.child("items");
    XmlNode count = root.child("count");
    Long total = firstLong(itemsNode, "TotalSearchCount", "totalCount");
    if (total == null) {
      total = firstLong(count, "totalCount");
    }
    if (total == null) {
      total = firstLong(body, "totalCount");
    }
    Long rowsPerPage = firstLong(count, "numOfRows");
    if (rowsPerPage == null) {
      rowsPerPage = firstLong(body, "numOfRows");
    }
    Long page = firstLong(count, "pageNo");
    if (page == null) {
      page = firstLong(body, "pageNo");
    }
    Long start = firstLong(itemsNode, "SearchStartNumber");
    return new SearchPage(total, toInt(rowsPerPage), toInt(page), toInt(start), List.copyOf(rows));
  }

  /**
   * Checks the envelope of any response (a search page, a detail) without reading its rows: the
   * collector's test of whether a detail it fetched is an answer at all.
   *
   * @throws KiprisApiException on an error envelope, or ({@link KiprisApiException#unreadable()})
   *                            when the bytes are not well-formed XML
   */
  public static void check(byte[] xml) throws KiprisApiException {
    check(root(xml));
  }

  private static XmlNode root(byte[] xml) throws KiprisApiException {
    try {
      return KiprisXml.read(xml);
    } catch (KiprisXml.Unreadable e) {
      throw KiprisApiException.unreadable(e.getMessage(), e);
    }
  }

  /** Throws when the envelope reports an error; a response without any header passes. */
  static void check(XmlNode root) throws KiprisApiException {
    XmlNode gateway = "OpenAPI_ServiceResponse".equalsIgnoreCase(root.name()) ? root.child("cmmMsgHeader") : null;
    if (gateway != null) {
      String code = gateway.first("returnReasonCode");
      String msg = gateway.first("returnAuthMsg", "errMsg");
      if (code == null || !allZeros(code)) {
        throw new KiprisApiException(code, msg);
      }
      return;
    }
    XmlNode header = root.child("header");
    if (header == null) {
      return;
    }
    String code = header.first("resultCode");
    String msg = header.first("resultMsg");
    String success = header.first("successYN");
    if ((code != null && !allZeros(code)) || "N".equalsIgnoreCase(success)) {
      throw new KiprisApiException(code, msg);
    }
  }

  /**
   * The records of a response: the element children of {@code body/items} that have children
   * ({@code PatentUtilityInfo}, {@code DesignInfo}, {@code item}), and {@code body/item} (detail).
   */
  static List<XmlNode> items(XmlNode root) {
    List<XmlNode> out = new ArrayList<>();
    XmlNode body = root.child("body");
    if (body == null) {
      return out;
    }
    for (XmlNode c : body.children()) {
      if (c.name().equalsIgnoreCase("items")) {
        for (XmlNode i : c.children()) {
          if (!isCounter(i.name()) && !i.children().isEmpty()) {
            out.add(i);
          }
        }
      } else if (c.name().equalsIgnoreCase("item") && !c.children().isEmpty()) {
        out.add(c);
      }
    }
    return out;
  }

  private static boolean isCounter(String name) {
    for (String c : COUNTERS) {
      if (c.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  private static boolean allZeros(String code) {
    String c = code.trim();
    if (c.isEmpty()) {
      return true;
    }
    for (int i = 0; i < c.length(); i++) {
      if (c.charAt(i) != '0') {
        return false;
      }
    }
    return true;
  }

  private static Long firstLong(XmlNode n, String... names) {
    if (n == null) {
      return null;
    }
    String t = n.first(names);
    if (t == null) {
      return null;
    }
    try {
      return Long.parseLong(t.replace(",", "").trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Integer toInt(Long v) {
    return v == null || v > Integer.MAX_VALUE || v < Integer.MIN_VALUE ? null : (int) v.longValue();
  }
}
