package io.patent2tech.connectors.elasticsearch.index;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.patent2tech.connectors.elasticsearch.ElasticsearchSettings;

/**
 * Sets up the patents index: the index template (infra/elasticsearch/templates/patents-template.json,
 * carried on the classpath), the versioned index {@code <alias>-v1} and the alias in front of it,
 * the way {@link AliasedIndex} sets up every index of ours.
 */
public final class PatentIndex {

  public static final String TEMPLATE_RESOURCE = "elasticsearch/templates/patents-template.json";

  /** The mapping generation new installations start with. */
  static final int FIRST_GENERATION = AliasedIndex.FIRST_GENERATION;

  private PatentIndex() {}

  public static void ensure(ElasticsearchSettings settings) {
    AliasedIndex.ensure(settings, TEMPLATE_RESOURCE);
  }

  /** The template, with its index pattern and name made to fit the alias. */
  public static ObjectNode template(String alias) {
    return AliasedIndex.template(TEMPLATE_RESOURCE, alias);
  }
}
