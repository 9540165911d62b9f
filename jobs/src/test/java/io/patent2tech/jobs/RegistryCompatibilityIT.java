package io.patent2tech.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import io.patent2tech.schema.ConfluentSchemaRegistry;
import io.patent2tech.schema.ConfluentSchemaRegistry.RegistryException;
import io.patent2tech.schema.Patent;

/**
 * The stack's schema registry enforces the rule SchemaCompatibilityTest holds the schemas to
 * (BACKWARD_TRANSITIVE, set per subject at registration by {@link ConfluentSchemaRegistry}): after
 * the current Patent schema, a change that cannot read old data is refused, one that can is taken.
 */
class RegistryCompatibilityIT {

  private static final String SUBJECT = LocalStack.runName("compat") + ".patents.normalized-value";


  /** Patent with one more field, of the given JSON type and default (null: no default). */
  private static Schema patentWithExtraField(String type, String defaultJson) {
    String json = Patent.getClassSchema().toString();
    String field = "{\"name\":\"registry_probe\",\"type\":" + type
        + (defaultJson == null ? "" : ",\"default\":" + defaultJson) + "},";
    return new Schema.Parser().parse(json.replaceFirst("\"fields\":\\[", "\"fields\":[" + field));
  }

  @Test
  void anIncompatibleChangeIsRefusedAndACompatibleOneTaken() throws Exception {
    ConfluentSchemaRegistry registry = ConfluentSchemaRegistry.at(LocalStack.REGISTRY);
    int current = registry.register(SUBJECT, Patent.getClassSchema());
    assertThat(registry.register(SUBJECT, Patent.getClassSchema())).as("registering again").isEqualTo(current);

    // a required field without a default: a reader of this schema cannot read the records written before
    Schema breaking = patentWithExtraField("\"string\"", null);
    assertThatThrownBy(() -> registry.register(SUBJECT, breaking))
        .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.status()).isEqualTo(409))
        .hasMessageContaining("Incompatible");

    // an optional field with a default: old records read with null there
    int added = registry.register(SUBJECT, patentWithExtraField("[\"null\",\"string\"]", "null"));
    assertThat(added).isNotEqualTo(current);
    assertThat(LocalStack.latestSchemaId(SUBJECT)).isEqualTo(added);
  }
}
