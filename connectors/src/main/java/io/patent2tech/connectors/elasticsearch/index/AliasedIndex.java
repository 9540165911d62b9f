package io.patent2tech.connectors.elasticsearch.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.patent2tech.connectors.elasticsearch.ElasticsearchClients;
import io.patent2tech.connectors.elasticsearch.ElasticsearchSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;

/**
 * Sets up an index the way every index of ours is set up: the index template (a file of
 * infra/elasticsearch/templates, carried on the classpath, its index pattern made to fit the
 * alias), the versioned index {@code <alias>-v1} and the alias in front of it.
 *
 * <p>Idempotent, and safe when several jobs start at once. When the alias exists already, the
 * template's mapping is applied to the indices behind it, so fields added to the template appear
 * without reindexing; a change Elasticsearch cannot apply in place (a field's type) fails here,
 * and needs a new index generation and a reindex (docs/data-model.md).
 */
public final class AliasedIndex {

  /** The template of the dead letters (topic patents.dlq), alias {@code dead-letters}. */
  public static final String DEAD_LETTERS_TEMPLATE = "elasticsearch/templates/dead-letters-template.json";

  /** The template of the collection runs (PostgreSQL collection_runs), alias {@code collection-runs}. */
  public static final String COLLECTION_RUNS_TEMPLATE = "elasticsearch/templates/collection-runs-template.json";

  /** The mapping generation new installations start with. */
  static final int FIRST_GENERATION = 1;

  private static final ObjectMapper JSON = new ObjectMapper();

  private AliasedIndex() {}

  /** Template {@code templateResource} under the name of {@code settings.alias()}, index and alias. */
  public static void ensure(ElasticsearchSettings settings, String templateResource) {
    String alias = settings.alias();
    ObjectNode template = template(templateResource, alias);
    try (ElasticsearchClient client = ElasticsearchClients.open(settings)) {
      client.indices().putIndexTemplate(request -> request
          .withJson(new StringReader(template.toString()))
          .name(alias));
      if (client.indices().existsAlias(request -> request.name(alias)).value()) {
        client.indices().putMapping(request -> request
            .withJson(new StringReader(template.at("/template/mappings").toString()))
            .index(alias));
        return;
      }
      String index = settings.versionedIndex(FIRST_GENERATION);
      createIfAbsent(client, index);
      client.indices().updateAliases(request -> request.actions(action -> action
          .add(add -> add.index(index).alias(alias).isWriteIndex(true))));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot set up index " + alias + " at " + settings.url(), e);
    }
  }

  /** The template, with its index pattern made to fit the alias. */
  public static ObjectNode template(String templateResource, String alias) {
    try (InputStream in = AliasedIndex.class.getClassLoader().getResourceAsStream(templateResource)) {
      if (in == null) {
        throw new IllegalStateException("Index template " + templateResource + " is not on the classpath");
      }
      ObjectNode template = (ObjectNode) JSON.readTree(in);
      template.putArray("index_patterns").add(alias + "-v*");
      return template;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read index template " + templateResource, e);
    }
  }

  private static void createIfAbsent(ElasticsearchClient client, String index) throws IOException {
    if (client.indices().exists(request -> request.index(index)).value()) {
      return;
    }
    try {
      // settings and mappings come from the template
      client.indices().create(request -> request.index(index));
    } catch (ElasticsearchException e) {
      if (!"resource_already_exists_exception".equals(e.error().type())) {
        throw e;
      }
    }
  }
}
