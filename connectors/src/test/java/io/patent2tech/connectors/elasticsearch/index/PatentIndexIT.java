package io.patent2tech.connectors.elasticsearch.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch.indices.get_alias.IndexAliases;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.patent2tech.connectors.elasticsearch.ElasticsearchTestIndex;
import io.patent2tech.connectors.elasticsearch.SampleEnrichments;
import io.patent2tech.connectors.elasticsearch.document.EnrichmentDocuments;
import io.patent2tech.connectors.elasticsearch.document.PatentDocuments;
import io.patent2tech.connectors.json.SamplePatents;
import java.io.IOException;
import java.io.StringReader;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PatentIndexIT {

  private ElasticsearchTestIndex es;

  @BeforeEach
  void open() {
    es = new ElasticsearchTestIndex();
  }

  @AfterEach
  void close() throws IOException {
    es.close();
  }

  @Test
  void createsTheFirstGenerationBehindTheAlias() throws IOException {
    PatentIndex.ensure(es.settings());

    Map<String, IndexAliases> aliases =
        es.client().indices().getAlias(request -> request.name(es.alias())).result();
    assertThat(aliases).containsOnlyKeys(es.alias() + "-v1");
    assertThat(aliases.get(es.alias() + "-v1").aliases().get(es.alias()).isWriteIndex()).isTrue();

    TypeMapping mapping = es.client().indices().getMapping(request -> request.index(es.alias()))
        .result().get(es.alias() + "-v1").mappings();
    assertThat(mapping.dynamic()).isEqualTo(DynamicMapping.Strict);
    Map<String, Property> properties = mapping.properties();
    assertThat(properties.get("publication_key").isKeyword()).isTrue();
    assertThat(properties.get("cpc").isKeyword()).isTrue();
    assertThat(properties.get("publication_date").isDate()).isTrue();
    assertThat(properties.get("title").isText()).isTrue();
    assertThat(properties.get("claim_count").isInteger()).isTrue();
    assertThat(properties.get("assignee_names").isText()).isTrue();
    assertThat(properties.get("assignee_names").text().fields().get("keyword").isKeyword()).isTrue();

    assertThat(es.client().indices().getIndexTemplate(request -> request.name(es.alias()))
            .indexTemplates().get(0).indexTemplate().indexPatterns())
        .containsExactly(es.alias() + "-v*");
  }

  @Test
  void ensuringAgainKeepsTheIndexAndItsDocuments() throws IOException {
    PatentIndex.ensure(es.settings());
    es.client().index(request -> request
        .index(es.alias())
        .id("US-8930553-B2")
        .document(PatentDocuments.document(SamplePatents.sipGrant())));

    PatentIndex.ensure(es.settings());

    assertThat(es.client().indices().getAlias(request -> request.name(es.alias())).result())
        .containsOnlyKeys(es.alias() + "-v1");
    assertThat(es.count()).isEqualTo(1);
  }

  @Test
  void ensuringAddsTheTemplatesNewFieldsToAnIndexCreatedBeforeThem() throws IOException {
    // an index of the earlier template: the landing job's fields and the embedding, nothing else
    Map<String, Object> enrichment = EnrichmentDocuments.document(SampleEnrichments.sipGrantFull());
    Set<String> added = new HashSet<>(enrichment.keySet());
    added.removeAll(PatentDocuments.document(SamplePatents.sipGrant()).keySet());
    added.removeAll(Set.of("embedding", "embedding_model"));
    ObjectNode earlier = PatentIndex.template(es.alias()).deepCopy();
    ObjectNode index = (ObjectNode) earlier.get("template");
    ((ObjectNode) index.get("mappings").get("properties")).remove(added);
    index.putObject("aliases").putObject(es.alias()).put("is_write_index", true);
    es.client().indices().create(request -> request
        .withJson(new StringReader(index.toString()))
        .index(es.alias() + "-v1"));
    assertThatThrownBy(() -> es.client().index(request -> request
            .index(es.alias()).id("US-8930553-B2").document(enrichment)))
        .hasMessageContaining("strict_dynamic_mapping_exception");

    PatentIndex.ensure(es.settings());

    assertThat(es.client().indices().getAlias(request -> request.name(es.alias())).result())
        .containsOnlyKeys(es.alias() + "-v1");
    Map<String, Property> properties = es.client().indices().getMapping(request -> request.index(es.alias()))
        .result().get(es.alias() + "-v1").mappings().properties();
    assertThat(properties.keySet()).containsAll(added);
    assertThat(properties.get("novelty_score").isDouble()).isTrue();
    assertThat(properties.get("is_novel").isBoolean()).isTrue();
    assertThat(properties.get("enriched_time").isDate()).isTrue();
    assertThat(properties.get("core_concepts").text().fields().get("keyword").isKeyword()).isTrue();
    es.client().index(request -> request.index(es.alias()).id("US-8930553-B2").document(enrichment));
    assertThat(es.count()).isEqualTo(1);
  }

  @Test
  void refusesFieldsTheTemplateDoesNotDeclare() throws IOException {
    PatentIndex.ensure(es.settings());

    assertThatThrownBy(() -> es.client().index(request -> request
            .index(es.alias())
            .id("US-8930553-B2")
            .document(Map.of("publication_key", "US-8930553-B2", "undeclared", "x"))))
        .isInstanceOf(ElasticsearchException.class)
        .hasMessageContaining("strict_dynamic_mapping_exception");
  }
}
