package io.patent2tech.schema;

import java.io.IOException;

import org.apache.avro.Schema;

/**
 * What {@link TopicCodec} needs of a schema registry for the Confluent wire format: the id of a
 * writer schema under a subject, and a schema by id. {@link ConfluentSchemaRegistry} is the one
 * that talks to a registry; tests may keep one in memory.
 */
public interface SchemaRegistry {

  /**
   * Registers {@code schema} under {@code subject} (idempotent: the same schema gets the same id)
   * and returns its id.
   *
   * @throws IOException when the registry cannot be reached or refuses the schema (an incompatible
   *     change: {@link ConfluentSchemaRegistry.RegistryException#status()} 409)
   */
  int register(String subject, Schema schema) throws IOException;

  /** The schema with this id. */
  Schema schemaById(int id) throws IOException;

  /** The subject of a topic's values (Confluent's TopicNameStrategy). */
  static String valueSubject(String topic) {
    return topic + "-value";
  }
}
