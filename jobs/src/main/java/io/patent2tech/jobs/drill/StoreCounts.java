package io.patent2tech.jobs.drill;

import java.io.IOException;
import java.net.URI;
import io.patent2tech.connectors.elasticsearch.ElasticsearchAuth;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a drill finds in Elasticsearch and PostgreSQL for its keys, with short timeouts: a frozen
 * Elasticsearch or a stopped PostgreSQL answers "unknown" (-1) within seconds instead of hanging.
 */
final class StoreCounts {

  /** Ids per Elasticsearch ids query (the default max_result_window is 10 000). */
  private static final int ID_BATCH = 1000;
  private static final Pattern CURRENT_SCHEMA = Pattern.compile("[?&]currentSchema=([A-Za-z0-9_]+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final ElasticsearchAuth esAuth;
  private final String esUrl;
  private final String alias;
  private final String pgUrl;
  private final Properties pgLogin = new Properties();

  StoreCounts(String esUrl, ElasticsearchAuth esAuth, String alias, String pgUrl, String pgUser,
      String pgPassword) {
    this.esUrl = esUrl.replaceAll("/+$", "");
    this.esAuth = esAuth;
    this.http = esAuth.httpClient().connectTimeout(Duration.ofSeconds(2)).build();
    this.alias = alias;
    this.pgUrl = pgUrl;
    pgLogin.setProperty("user", pgUser);
    if (pgPassword != null) {
      pgLogin.setProperty("password", pgPassword);
    }
    pgLogin.setProperty("connectTimeout", "2");
    pgLogin.setProperty("loginTimeout", "3");
    pgLogin.setProperty("socketTimeout", "10");
  }

  /** The schema named by currentSchema in the JDBC URL, or null. */
  static String schemaOf(String pgUrl) {
    Matcher m = CURRENT_SCHEMA.matcher(pgUrl);
    return m.find() ? m.group(1) : null;
  }

  String schema() {
    return schemaOf(pgUrl);
  }

  /** Documents behind the alias that searches see now, -1 when Elasticsearch does not answer in time. */
  long esDocuments() {
    try {
      HttpResponse<String> r = es("GET", "/" + alias + "/_count", null, Duration.ofSeconds(2));
      if (r.statusCode() == 404) {
        return 0;
      }
      return r.statusCode() == 200 ? JSON.readTree(r.body()).path("count").asLong(-1) : -1;
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** Rows of the patents table for {@code keys}, -1 when PostgreSQL does not answer in time. */
  long pgRows(List<String> keys) {
    try (Connection c = DriverManager.getConnection(pgUrl, pgLogin)) {
      return pgRows(c, keys);
    } catch (SQLException e) {
      return -1;
    }
  }

  /** The final look at Elasticsearch: documents of the keys, all documents, those written more than once. */
  record EsFindings(long found, long total, long rewritten) {}

  EsFindings esFindings(List<String> keys) throws IOException, InterruptedException {
    HttpResponse<String> refresh = es("POST", "/" + alias + "/_refresh", null, Duration.ofSeconds(30));
    if (refresh.statusCode() == 404) {
      return new EsFindings(0, 0, 0);
    }
    check(refresh, "refresh");
    HttpResponse<String> count = es("GET", "/" + alias + "/_count", null, Duration.ofSeconds(30));
    check(count, "count");
    long total = JSON.readTree(count.body()).path("count").asLong();
    long found = 0;
    long rewritten = 0;
    for (int from = 0; from < keys.size(); from += ID_BATCH) {
      List<String> batch = keys.subList(from, Math.min(keys.size(), from + ID_BATCH));
      ObjectNode query = JSON.createObjectNode();
      query.put("size", batch.size()).put("version", true).put("_source", false);
      var ids = query.putObject("query").putObject("ids").putArray("values");
      batch.forEach(ids::add);
      HttpResponse<String> r = es("POST", "/" + alias + "/_search", query.toString(), Duration.ofSeconds(30));
      check(r, "search");
      for (JsonNode hit : JSON.readTree(r.body()).path("hits").path("hits")) {
        found++;
        if (hit.path("_version").asLong() > 1) {
          rewritten++;
        }
      }
    }
    return new EsFindings(found, total, rewritten);
  }

  /** The final look at PostgreSQL: rows of the keys, and all rows of the table. */
  record PgFindings(long found, long total) {}

  PgFindings pgFindings(List<String> keys) throws SQLException {
    try (Connection c = DriverManager.getConnection(pgUrl, pgLogin); Statement st = c.createStatement()) {
      try (ResultSet exists = st.executeQuery("select to_regclass('patents') is not null")) {
        exists.next();
        if (!exists.getBoolean(1)) {
          return new PgFindings(0, 0);
        }
      }
      try (ResultSet rs = st.executeQuery("select count(*) from patents")) {
        rs.next();
        return new PgFindings(pgRows(c, keys), rs.getLong(1));
      }
    }
  }

  private static long pgRows(Connection c, List<String> keys) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select count(*) from patents where publication_key = any(?)")) {
      Array array = c.createArrayOf("text", keys.toArray());
      ps.setArray(1, array);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Creates the run's schema (the landing job migrates it); fails when it exists already. */
  void createSchema() throws SQLException {
    String schema = schema();
    if (schema == null) {
      return;
    }
    try (Connection c = DriverManager.getConnection(pgUrl, pgLogin); Statement st = c.createStatement()) {
      st.execute("create schema " + schema);
    }
  }

  boolean schemaExists() throws SQLException {
    String schema = schema();
    if (schema == null) {
      return false;
    }
    try (Connection c = DriverManager.getConnection(pgUrl, pgLogin);
        PreparedStatement ps = c.prepareStatement("select 1 from information_schema.schemata where schema_name = ?")) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  void dropSchema() throws SQLException {
    String schema = schema();
    if (schema == null) {
      return;
    }
    try (Connection c = DriverManager.getConnection(pgUrl, pgLogin); Statement st = c.createStatement()) {
      st.execute("drop schema if exists " + schema + " cascade");
    }
  }

  boolean aliasExists() throws IOException, InterruptedException {
    return es("HEAD", "/_alias/" + alias, null, Duration.ofSeconds(10)).statusCode() == 200;
  }

  /** Deletes the indices behind the alias and the index template PatentIndex made for it. */
  List<String> deleteIndex() throws IOException, InterruptedException {
    List<String> deleted = new ArrayList<>();
    HttpResponse<String> aliases = es("GET", "/_alias/" + alias, null, Duration.ofSeconds(10));
    if (aliases.statusCode() == 200) {
      for (var it = JSON.readTree(aliases.body()).fieldNames(); it.hasNext(); ) {
        String index = it.next();
        check(es("DELETE", "/" + index, null, Duration.ofSeconds(30)), "delete " + index);
        deleted.add(index);
      }
    }
    HttpResponse<String> template = es("DELETE", "/_index_template/" + alias, null, Duration.ofSeconds(30));
    if (template.statusCode() == 200) {
      deleted.add("template " + alias);
    }
    return deleted;
  }

  private HttpResponse<String> es(String method, String path, String body, Duration timeout)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = esAuth.authorize(HttpRequest.newBuilder(URI.create(esUrl + path)).timeout(timeout));
    if (body != null) {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private void check(HttpResponse<String> r, String what) {
    if (r.statusCode() != 200) {
      throw new IllegalStateException("Elasticsearch " + what + " on " + alias + " answered "
          + r.statusCode() + ": " + r.body());
    }
  }
}
