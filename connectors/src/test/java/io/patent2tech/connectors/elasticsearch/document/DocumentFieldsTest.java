package io.patent2tech.connectors.elasticsearch.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.patent2tech.connectors.elasticsearch.SampleEnrichments;
import io.patent2tech.connectors.elasticsearch.index.PatentIndex;
import io.patent2tech.connectors.json.SamplePatents;
import io.patent2tech.schema.Classification;
import io.patent2tech.schema.EnrichedPatent;
import io.patent2tech.schema.Model3d;
import io.patent2tech.schema.ModelFiles;
import io.patent2tech.schema.Patent;
import io.patent2tech.udfs.links.DocumentLinks;
import io.patent2tech.udfs.models3d.PatentModels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The field contract between the document mappers and the patents index template
 * (infra/elasticsearch/templates/patents-template.json, {@code dynamic: strict}): the fields that
 * {@link PatentDocuments}, {@link EnrichmentDocuments}, {@link LinkDocuments} and {@link ModelDocuments} write, with the Java types of the values
 * they write, against the template's properties and mapping types. A field one side gains and the
 * other lacks fails here, before Elasticsearch rejects documents (a field the template lacks) or a
 * mapped field silently stays empty (a field no mapper writes).
 *
 * <p>The values come from the mappers themselves, run over samples that between them give every
 * field a value; so a new field needs a sample value too, or the test says which field it cannot
 * check.
 */
class DocumentFieldsTest {

  private static final Pattern STRICT_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  @Test
  void theMappersWriteExactlyTheTemplatesFields() {
    Map<String, List<Object>> written = writtenValues();
    JsonNode properties = properties();

    assertThat(new TreeSet<>(written.keySet()))
        .as("fields the mappers write (left) against the template's properties")
        .isEqualTo(new TreeSet<>(iterableToList(properties.fieldNames())));
  }

  @Test
  void everyWrittenValueFitsItsMappingType() {
    JsonNode properties = properties();
    Map<String, String> misfits = new TreeMap<>();
    writtenValues().forEach((field, values) -> {
      JsonNode mapping = properties.get(field);
      if (mapping == null) {
        return; // the other test names it
      }
      List<Object> present = values.stream().flatMap(DocumentFieldsTest::elements).toList();
      if (present.isEmpty()) {
        misfits.put(field, "no sample gives it a value: add one, so that its type is checked");
        return;
      }
      for (Object value : present) {
        String misfit = misfit(mapping, value, values);
        if (misfit != null) {
          misfits.put(field, misfit);
          break;
        }
      }
    });

    assertThat(misfits).as("fields whose values the template's mapping cannot take").isEmpty();
  }

  /** Why {@code value} does not fit {@code mapping}, or null when it does. */
  private static String misfit(JsonNode mapping, Object value, List<Object> raw) {
    String type = mapping.path("type").asText();
    String javaType = value.getClass().getSimpleName();
    switch (type) {
      case "keyword":
      case "text":
        return value instanceof String ? null : type + " takes strings, the mapper writes " + javaType;
      case "integer":
        return value instanceof Integer ? null : "integer takes Integer, the mapper writes " + javaType;
      case "long":
        return value instanceof Integer || value instanceof Long ? null : "long takes Long, the mapper writes " + javaType;
      case "double":
      case "float":
        return value instanceof Double || value instanceof Float ? null : type + " takes Double, the mapper writes " + javaType;
      case "boolean":
        return value instanceof Boolean ? null : "boolean takes Boolean, the mapper writes " + javaType;
      case "date":
        String format = mapping.path("format").asText();
        if (format.equals("strict_date")) {
          return value instanceof String && STRICT_DATE.matcher((String) value).matches()
              ? null : "strict_date takes yyyy-MM-dd strings, the mapper writes " + javaType + " " + value;
        }
        if (format.equals("epoch_millis")) {
          return value instanceof Long ? null : "epoch_millis takes Long, the mapper writes " + javaType;
        }
        return "date format " + format + " is not covered by this test";
      case "dense_vector":
        int dims = mapping.path("dims").asInt();
        for (Object vector : raw) {
          if (vector != null && (!(vector instanceof List<?> list) || list.size() != dims)) {
            return "dense_vector of " + dims + " dimensions, the mapper writes " + vector.getClass().getSimpleName()
                + (vector instanceof List<?> list ? " of " + list.size() : "");
          }
        }
        return value instanceof Float || value instanceof Double ? null
            : "dense_vector takes numbers, the mapper writes " + javaType;
      default:
        return "mapping type " + type + " is not covered by this test";
    }
  }

  /** Each field the two mappers write, with the values it has in the sample documents (nulls kept). */
  private static Map<String, List<Object>> writtenValues() {
    List<Map<String, Object>> documents = new ArrayList<>();
    for (Patent patent : samplePatents()) {
      documents.add(PatentDocuments.document(patent));
    }
    documents.add(EnrichmentDocuments.document(SampleEnrichments.sipGrantFull()));
    // retrieval failed: the one field neither sample enrichment sets
    documents.add(EnrichmentDocuments.document(EnrichedPatent.newBuilder(SampleEnrichments.sipGrantWithoutLlm())
        .setRetrievalError("prior-art search failed: Elasticsearch at http://localhost:9200 did not answer in time")
        .build()));
    // an evaluated near-duplicate found: the one field the other samples leave null
    documents.add(EnrichmentDocuments.document(EnrichedPatent.newBuilder(SampleEnrichments.sipGrantFull())
        .setResembles("WO-2015000001-A1")
        .build()));
    documents.add(LinkDocuments.document(new DocumentLinks("US-8930553-B2", new String[] {"EP-2000001-B1"},
        new String[] {"US-20140001-A1"}, new String[] {"WO-2015000001-A1"})));
    // a design whose first set was made and whose second was not
    documents.add(ModelDocuments.document(PatentModels.summarize("US-D990001-S1", List.of(
        Model3d.newBuilder().setPublicationKey("US-D990001-S1").setFigureSet("set-1").setStatus("made")
            .setMethod("visual-hull").setDevice("cpu").setContentHash("h1").setMadeAt(0L)
            .setFiles(new ModelFiles("US-D990001-S1/set-1", "model.stl", null, null, null, "preview.png")).build(),
        Model3d.newBuilder().setPublicationKey("US-D990001-S1").setFigureSet("set-2").setStatus("not-made")
            .setReason("single-view").setContentHash("h2").setMadeAt(0L).build()))));
    Map<String, List<Object>> values = new LinkedHashMap<>();
    for (Map<String, Object> document : documents) {
      document.forEach((field, value) -> values.computeIfAbsent(field, f -> new ArrayList<>()).add(value));
    }
    return values;
  }

  /**
   * The sample grant and design, and the grant with what neither has: a family id and CPC
   * classifications.
   */
  private static List<Patent> samplePatents() {
    Patent grant = SamplePatents.sipGrant();
    List<Classification> classifications = new ArrayList<>(grant.getClassifications());
    classifications.add(Classification.newBuilder(classifications.get(0)).setScheme("CPC").setSymbol("H04L 65/1104")
        .build());
    Patent full = Patent.newBuilder(grant).setFamilyId("50000001").setClassifications(classifications).build();
    return List.of(grant, SamplePatents.cheeseDesign(), full);
  }

  /** A list's elements (a list field is a keyword[] or text[] in the mapping), else the value; no nulls. */
  private static Stream<Object> elements(Object value) {
    if (value == null) {
      return Stream.empty();
    }
    if (value instanceof List<?> list) {
      return list.stream().filter(element -> element != null).map(element -> (Object) element);
    }
    return Stream.of(value);
  }

  private static JsonNode properties() {
    return PatentIndex.template("patents").at("/template/mappings/properties");
  }

  private static List<String> iterableToList(java.util.Iterator<String> names) {
    List<String> list = new ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }
}
