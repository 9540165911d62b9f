package io.patent2tech.connectors.replay;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.patent2tech.connectors.http.ReplayServer;

/**
 * KIPRIS Plus (kipo-api) as a {@link ReplayServer} route: applications "published" on replay days
 * chosen by the test, a search by date window ({@code openDate=YYYYMMDD~YYYYMMDD} or {@code
 * registerDate=...}, paged by {@code numOfRows}/{@code pageNo}) listing them in the kipo-api shape,
 * and their bibliography detail. The service key must arrive percent-encoded exactly once; a wrong
 * key is answered with KIPRIS's error envelope (resultCode 30).
 */
public final class KiprisReplay implements ReplayServer.Route {

  public static final String SEARCH_PATH = "/kipo-api/kipi/patUtiModInfoSearchSevice/getAdvancedSearch";
  public static final String DETAIL_PATH = "/kipo-api/kipi/patUtiModInfoSearchSevice/getBibliographyDetailInfoSearch";
  private static final Pattern WINDOW = Pattern.compile("(\\d{8})~(\\d{8})");

  private record Application(LocalDate day, String number, byte[] detail) {}

  private final String encodedKey;
  private final List<Application> applications = new ArrayList<>();

  /** @param encodedKey the service key as it must appear in the query (percent-encoded once) */
  public KiprisReplay(String encodedKey) {
    this.encodedKey = encodedKey;
  }

  /** The synthetic detail of fixtures/kipris/synthetic (application 1020190012345), published on {@code day}. */
  public static KiprisReplay fromFixtures(Path fixtures, String encodedKey, LocalDate day) {
    return new KiprisReplay(encodedKey).publish(day, "1020190012345",
        EpoOpsReplay.read(fixtures.resolve("kipris/synthetic/detail_1020190012345.xml")));
  }

  public KiprisReplay publish(LocalDate day, String applicationNumber, byte[] detail) {
    applications.add(new Application(day, applicationNumber, detail));
    return this;
  }

  @Override
  public ReplayServer.Response answer(ReplayServer.Request r) {
    String path = r.uri().getRawPath();
    if (!path.equals(SEARCH_PATH) && !path.equals(DETAIL_PATH)) {
      return null;
    }
    Map<String, String> raw = r.rawQuery();
    if (!encodedKey.equals(raw.get("ServiceKey"))) {
      return xml(error("30", "SERVICE KEY IS NOT REGISTERED ERROR."));
    }
    Map<String, String> q = r.query();
    if (path.equals(DETAIL_PATH)) {
      return applications.stream().filter(a -> a.number.equals(q.get("applicationNumber"))).findFirst()
          .map(a -> xml(a.detail)).orElseGet(() -> xml(error("03", "NODATA_ERROR")));
    }
    LocalDate from = null;
    LocalDate to = null;
    for (String field : List.of("openDate", "registerDate")) {
      Matcher m = q.containsKey(field) ? WINDOW.matcher(q.get(field)) : null;
      if (m != null && m.matches()) {
        from = LocalDate.parse(m.group(1), DateTimeFormatter.BASIC_ISO_DATE);
        to = LocalDate.parse(m.group(2), DateTimeFormatter.BASIC_ISO_DATE);
      }
    }
    if (from == null) {
      return xml(error("11", "NECESSARY PARAMETERS ERROR."));
    }
    LocalDate f = from;
    LocalDate t = to;
    List<String> hits = applications.stream().filter(a -> !a.day.isBefore(f) && !a.day.isAfter(t))
        .map(a -> a.number).toList();
    int rows = Integer.parseInt(q.getOrDefault("numOfRows", "20"));
    int page = Integer.parseInt(q.getOrDefault("pageNo", "1"));
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + "<response><header><successYN>Y</successYN><resultCode>00</resultCode>"
        + "<resultMsg>NORMAL SERVICE.</resultMsg></header><body><items>");
    for (int i = (page - 1) * rows; i < Math.min(hits.size(), page * rows); i++) {
      xml.append("<item><indexNo>").append(i + 1).append("</indexNo><applicationNumber>").append(hits.get(i))
          .append("</applicationNumber></item>");
    }
    xml.append("</items></body><count><numOfRows>").append(rows).append("</numOfRows><pageNo>").append(page)
        .append("</pageNo><totalCount>").append(hits.size()).append("</totalCount></count></response>");
    return xml(xml.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] error(String code, String message) {
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><response><header><successYN>N</successYN><resultCode>"
        + code + "</resultCode><resultMsg>" + message + "</resultMsg></header></response>")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static ReplayServer.Response xml(byte[] body) {
    return ReplayServer.Response.of(200, "application/xml;charset=UTF-8", body);
  }

}
