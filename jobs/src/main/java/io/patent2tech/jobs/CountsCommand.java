package io.patent2tech.jobs;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


import io.patent2tech.connectors.elasticsearch.ElasticsearchAuth;
import io.patent2tech.connectors.kafka.KafkaClientSettings;
import io.patent2tech.connectors.postgres.PostgresSettings;
import io.patent2tech.connectors.kafka.CommittedTopic;
import io.patent2tech.jobs.config.CommonSettings;
import io.patent2tech.jobs.config.Setting;
import io.patent2tech.jobs.config.Settings;

/**
 * {@code counts}: how many records each store holds, read the way subscribers read them
 * (Kafka read_committed), and where to look next.
 */
public final class CountsCommand {

  public static final List<Setting> SETTINGS = CommonSettings.secured(List.of(
      CommonSettings.KAFKA_BOOTSTRAP, CommonSettings.TOPIC_NORMALIZED, CommonSettings.TOPIC_LINKS,
      CommonSettings.TOPIC_ENRICHED, CommonSettings.TOPIC_MODELS3D, CommonSettings.TOPIC_DLQ, CommonSettings.ES_URL, CommonSettings.ES_ALIAS,
      CommonSettings.PG_URL, CommonSettings.PG_USER, CommonSettings.PG_PASSWORD));

  public static final String USAGE = "counts [options]\n"
      + "  Prints the number of committed records in the Kafka topics, documents behind the\n"
      + "  Elasticsearch alias and rows in the PostgreSQL tables.\n";

  private static final Pattern ES_COUNT = Pattern.compile("\"count\"\\s*:\\s*(\\d+)");

  /** How many of the latest collection runs counts lists. */
  static final int LAST_RUNS = 10;

  private CountsCommand() {}

  public static void run(Settings s, PrintStream out) throws Exception {
    KafkaClientSettings kafka = CommonSettings.kafka(s);
    String normalized = s.require(CommonSettings.TOPIC_NORMALIZED.key());
    String links = s.require(CommonSettings.TOPIC_LINKS.key());
    String enriched = s.require(CommonSettings.TOPIC_ENRICHED.key());
    String models = s.require(CommonSettings.TOPIC_MODELS3D.key());
    String dlq = s.require(CommonSettings.TOPIC_DLQ.key());
    out.printf("Kafka %s (committed records)%n", kafka.bootstrapServers());
    for (String topic : List.of(normalized, links, enriched, models, dlq)) {
      out.printf("  %-28s %d%n", topic, committedRecords(kafka, topic));
    }

    String esUrl = s.require(CommonSettings.ES_URL.key());
    String alias = s.require(CommonSettings.ES_ALIAS.key());
    ElasticsearchAuth esAuth = CommonSettings.elasticsearchAuth(s);
    out.printf("Elasticsearch %s%n  %-28s %d documents, %d enriched, %d with links, %d with a 3D model%n", esUrl,
        alias, esCount(esUrl, esAuth, alias, ""), esCount(esUrl, esAuth, alias, "?q=_exists_:novelty_score"),
        esCount(esUrl, esAuth, alias, "?q=_exists_:family_members%20OR%20_exists_:application_members"
            + "%20OR%20_exists_:near_duplicates"), esCount(esUrl, esAuth, alias, "?q=has_model:true"));

    String pgUrl = CommonSettings.postgresUrl(s);
    // the endpoint, not the URL: its parameters may carry a password
    out.printf("PostgreSQL %s%n", new PostgresSettings(pgUrl, null, null).endpoint());
    try (Connection c = DriverManager.getConnection(pgUrl, s.get(CommonSettings.PG_USER.key()),
        s.get(CommonSettings.PG_PASSWORD.key())); Statement st = c.createStatement()) {
      for (String table : List.of("patents", "claims", "classifications", "parties", "citations",
          "figures", "related_documents", "patent_links", "models_3d", "patent_evaluations", "patent_analyses")) {
        try (ResultSet rs = st.executeQuery("select count(*) from " + table)) {
          rs.next();
          out.printf("  %-28s %d rows%n", table, rs.getLong(1));
        }
      }
      lastCollectionRuns(st, out);
    }
  }

  /** The latest collection runs, newest first: what the collect job fetched and published. */
  static void lastCollectionRuns(Statement st, PrintStream out) throws java.sql.SQLException {
    try (ResultSet exists = st.executeQuery("select to_regclass('collection_runs') is not null")) {
      exists.next();
      if (!exists.getBoolean(1)) {
        out.printf("  %-28s none (the collect job has not run)%n", "collection_runs");
        return;
      }
    }
    try (ResultSet rs = st.executeQuery("select count(*) from collection_runs")) {
      rs.next();
      out.printf("  %-28s %d rows%n", "collection_runs", rs.getLong(1));
    }
    try (ResultSet rs = st.executeQuery("select office, window_from, window_to, attempt, status, listed, fetched, "
        + "published, rejected, skipped, requests, coalesce(error, '') from collection_runs "
        + "order by coalesce(started_at, updated_at) desc, run_id desc limit " + LAST_RUNS)) {
      boolean header = false;
      while (rs.next()) {
        if (!header) {
          out.printf("Last collection runs (newest first)%n  %-6s %-23s %-9s %7s %7s %9s %8s %7s %8s  %s%n",
              "office", "window", "status", "listed", "fetched", "published", "rejected", "skipped",
              "requests", "error");
          header = true;
        }
        String status = rs.getString(5) + (rs.getInt(4) > 1 ? " #" + rs.getInt(4) : "");
        out.printf("  %-6s %-23s %-9s %7d %7d %9d %8d %7d %8d  %s%n", rs.getString(1),
            rs.getString(2) + ".." + rs.getString(3), status, rs.getLong(6), rs.getLong(7),
            rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getString(12));
      }
    }
  }

  /** Counts records a read_committed consumer sees: aborted transactions and markers excluded. */
  public static long committedRecords(String bootstrap, String topic) {
    return committedRecords(KafkaClientSettings.plaintext(bootstrap), topic);
  }

  /** {@link #committedRecords(String, String)} with the client's security. */
  public static long committedRecords(KafkaClientSettings kafka, String topic) {
    return CommittedTopic.read(kafka, topic, record -> {});
  }

  /** Documents behind {@code alias} matching {@code query} ("" for all, or "?q=..."). */
  public static long esCount(String esUrl, String alias, String query) throws Exception {
    return esCount(esUrl, ElasticsearchAuth.NONE, alias, query);
  }

  /** {@link #esCount(String, String, String)} with credentials and CA. */
  public static long esCount(String esUrl, ElasticsearchAuth auth, String alias, String query) throws Exception {
    HttpClient http = auth.httpClient().connectTimeout(Duration.ofSeconds(10)).build();
    HttpResponse<String> response = http.send(auth.authorize(HttpRequest.newBuilder(
            URI.create(esUrl.replaceAll("/+$", "") + "/" + alias + "/_count" + query))).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() == 404) {
      return 0;
    }
    Matcher m = ES_COUNT.matcher(response.body());
    if (response.statusCode() != 200 || !m.find()) {
      throw new IllegalStateException("Elasticsearch " + alias + "/_count answered "
          + response.statusCode() + ": " + response.body());
    }
    return Long.parseLong(m.group(1));
  }
}
