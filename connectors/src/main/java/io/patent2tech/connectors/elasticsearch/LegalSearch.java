package io.patent2tech.connectors.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.patent2tech.connectors.elasticsearch.index.LegalCorpusIndex;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Legal passages for a patent's evaluation: kNN over the legal corpus index
 * ({@link LegalCorpusIndex}) restricted to the patent's jurisdiction and to the passages whose
 * record is about the question asked (corpus {@code topics}: {@code novelty},
 * {@code inventive_step}).
 *
 * <p>One instance holds one HTTP client; a Flink operator opens it in {@code open()} and closes it.
 */
public final class LegalSearch implements AutoCloseable {

  /** The jurisdictions the corpus covers. */
  public enum Jurisdiction {
    US,
    EP,
    KR;

    /**
     * The jurisdiction whose law applies to a publication of this office country ({@code US},
     * {@code EP}, {@code KR}); empty for offices the corpus does not cover.
     */
    public static Optional<Jurisdiction> ofCountry(String country) {
      if (country == null) {
        return Optional.empty();
      }
      for (Jurisdiction jurisdiction : values()) {
        if (jurisdiction.name().equalsIgnoreCase(country.trim())) {
          return Optional.of(jurisdiction);
        }
      }
      return Optional.empty();
    }
  }

  /** Which evaluation the passages are for; each maps to a corpus topic. */
  public enum Purpose {
    NOVELTY("novelty"),
    INVENTIVE_STEP("inventive_step");

    private final String topic;

    Purpose(String topic) {
      this.topic = topic;
    }

    /** The corpus topic, e.g. {@code inventive_step}. */
    public String topic() {
      return topic;
    }

    /** {@code novelty} or {@code inventive-step} (also {@code inventive_step}), any case. */
    public static Purpose of(String name) {
      String normalized = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
      for (Purpose purpose : values()) {
        if (purpose.topic.equals(normalized)) {
          return purpose;
        }
      }
      throw new IllegalArgumentException("purpose must be novelty or inventive-step, got '" + name + "'");
    }
  }

  /** A retrieved passage: enough to cite it in a prompt and to trace it back. */
  public record Passage(String passageId, String recordId, String jurisdiction, String kind,
      String citation, String title, String language, String text, double similarity) {}

  private static final String[] FIELDS =
      {"record_id", "jurisdiction", "kind", "citation", "title", "language", "text"};

  private final ElasticsearchClient client;
  private final String alias;

  private LegalSearch(ElasticsearchClient client, String alias) {
    this.client = client;
    this.alias = alias;
  }

  /** Searches {@link ElasticsearchSettings#alias()} (the corpus alias, {@code legal-corpus}). */
  public static LegalSearch open(ElasticsearchSettings settings) {
    return new LegalSearch(ElasticsearchClients.open(settings), settings.alias());
  }

  /**
   * The {@code topK} passages of {@code jurisdiction} on {@code purpose} nearest to {@code vector},
   * most similar first; fewer when the corpus has fewer.
   */
  public List<Passage> passages(float[] vector, Jurisdiction jurisdiction, Purpose purpose, int topK) {
    Objects.requireNonNull(vector, "vector");
    Objects.requireNonNull(jurisdiction, "jurisdiction");
    Objects.requireNonNull(purpose, "purpose");
    Query filter = Query.of(query -> query.bool(bool -> bool
        .filter(term("jurisdiction", jurisdiction.name()))
        .filter(term("topics", purpose.topic()))));
    List<Passage> passages = new ArrayList<>();
    for (Hit<Map<String, Object>> hit : PriorArtSearch.search(client, alias,
        PriorArtSearch.knn(vector, topK, null, filter), FIELDS)) {
      Map<String, Object> source = hit.source();
      passages.add(new Passage(hit.id(), string(source, "record_id"), string(source, "jurisdiction"),
          string(source, "kind"), string(source, "citation"), string(source, "title"),
          string(source, "language"), string(source, "text"), PriorArtSearch.cosine(hit.score())));
    }
    return passages;
  }

  @Override
  public void close() throws IOException {
    client.close();
  }

  private static Query term(String field, String value) {
    return Query.of(query -> query.term(term -> term.field(field).value(value)));
  }

  private static String string(Map<String, Object> source, String field) {
    Object value = source == null ? null : source.get(field);
    return value == null ? null : value.toString();
  }
}
