package io.patent2tech.connectors.elasticsearch.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;

/**
 * Sets up the legal corpus index: the index template
 * (infra/elasticsearch/templates/legal-corpus-template.json, carried on the classpath, with
 * {@code dims} set to the embedder's dimension), the index {@code <alias>-v1} and the alias
 * ({@code legal-corpus}) in front of it. What goes into it is
 * {@link io.patent2tech.connectors.elasticsearch.LegalCorpusLoader}'s business.
 */
public final class LegalCorpusIndex {

  public static final String DEFAULT_ALIAS = "legal-corpus";

  public static final String TEMPLATE_RESOURCE = "elasticsearch/templates/legal-corpus-template.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private LegalCorpusIndex() {}

  /**
   * Template (with {@code dims}), the index {@code <alias>-v1} and the alias; idempotent.
   *
   * @throws IllegalStateException when the index holds vectors of another dimension than {@code dimension}
   */
  public static void ensure(ElasticsearchClient client, String alias, int dimension) throws IOException {
    ObjectNode template = template(alias, dimension);
    client.indices().putIndexTemplate(request -> request
        .withJson(new StringReader(template.toString()))
        .name(alias));
    if (client.indices().existsAlias(request -> request.name(alias)).value()) {
      checkDimension(client, alias, dimension);
      client.indices().putMapping(request -> request
          .withJson(new StringReader(template.at("/template/mappings").toString()))
          .index(alias));
      return;
    }
    String index = alias + "-v1";
    try {
      client.indices().create(request -> request.index(index));
    } catch (ElasticsearchException e) {
      if (!"resource_already_exists_exception".equals(e.error().type())) {
        throw e;
      }
    }
    client.indices().updateAliases(request -> request.actions(action -> action
        .add(add -> add.index(index).alias(alias).isWriteIndex(true))));
  }

  /** The template, with its index pattern made to fit the alias and {@code dims} set. */
  public static ObjectNode template(String alias, int dimension) {
    try (InputStream in = LegalCorpusIndex.class.getClassLoader().getResourceAsStream(TEMPLATE_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Index template " + TEMPLATE_RESOURCE + " is not on the classpath");
      }
      ObjectNode template = (ObjectNode) JSON.readTree(in);
      template.putArray("index_patterns").add(alias + "-v*");
      ((ObjectNode) template.at("/template/mappings/properties/embedding")).put("dims", dimension);
      return template;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read index template " + TEMPLATE_RESOURCE, e);
    }
  }

  private static void checkDimension(ElasticsearchClient client, String alias, int dimension)
      throws IOException {
    var mappings = client.indices().getMapping(request -> request.index(alias)).result();
    for (var entry : mappings.entrySet()) {
      Property embedding = entry.getValue().mappings().properties().get("embedding");
      if (embedding != null && embedding.isDenseVector()
          && embedding.denseVector().dims() != null && embedding.denseVector().dims() != dimension) {
        throw new IllegalStateException("Index " + entry.getKey() + " holds vectors of "
            + embedding.denseVector().dims() + " dimensions, the embedder gives " + dimension
            + ": load into another alias, or delete the index to rebuild it with this model");
      }
    }
  }
}
