package io.patent2tech.connectors.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Plain JSON for Avro records, as people and SQL want to read them.
 *
 * <p>Unlike Avro's own JSON encoding, unions are written as their value (no {@code {"string": ...}}
 * wrappers), bytes and fixed values as base64 strings, null fields are kept so every field of the
 * schema is present, and NaN or infinite floating point values (which JSON cannot hold) are written
 * as their names. Field names are the Avro field names. The output is what
 * {@code scripts/parse} prints and what the PostgreSQL landing procedure reads as {@code jsonb}.
 */
public final class AvroJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AvroJson() {}

  /** The record as one line of JSON. */
  public static String toJson(SpecificRecord record) {
    try {
      return MAPPER.writeValueAsString(toTree(record));
    } catch (JsonProcessingException e) {
      // A tree built from Avro values only holds strings, numbers, booleans and binary.
      throw new IllegalStateException("Cannot write " + record.getSchema().getFullName() + " as JSON", e);
    }
  }

  /** The record as a Jackson tree, for callers that add to it or embed it. */
  public static ObjectNode toTree(SpecificRecord record) {
    return recordNode(record);
  }

  private static ObjectNode recordNode(IndexedRecord record) {
    ObjectNode node = NODES.objectNode();
    for (Schema.Field field : record.getSchema().getFields()) {
      node.set(field.name(), valueNode(field.schema(), record.get(field.pos())));
    }
    return node;
  }

  private static JsonNode valueNode(Schema schema, Object value) {
    if (value == null) {
      return NullNode.instance;
    }
    switch (schema.getType()) {
      case UNION:
        int branch = SpecificData.get().resolveUnion(schema, value);
        return valueNode(schema.getTypes().get(branch), value);
      case RECORD:
        return recordNode((IndexedRecord) value);
      case ARRAY:
        ArrayNode array = NODES.arrayNode();
        for (Object element : (Collection<?>) value) {
          array.add(valueNode(schema.getElementType(), element));
        }
        return array;
      case MAP:
        ObjectNode map = NODES.objectNode();
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
          map.set(entry.getKey().toString(), valueNode(schema.getValueType(), entry.getValue()));
        }
        return map;
      case STRING:
      case ENUM:
        return NODES.textNode(value.toString());
      case BYTES:
        return NODES.binaryNode(bytesOf((ByteBuffer) value));
      case FIXED:
        return NODES.binaryNode(((GenericFixed) value).bytes());
      case INT:
        return NODES.numberNode((Integer) value);
      case LONG:
        return NODES.numberNode((Long) value);
      case FLOAT:
        float single = (Float) value;
        return Float.isFinite(single) ? NODES.numberNode(single) : NODES.textNode(Float.toString(single));
      case DOUBLE:
        double number = (Double) value;
        return Double.isFinite(number) ? NODES.numberNode(number) : NODES.textNode(Double.toString(number));
      case BOOLEAN:
        return NODES.booleanNode((Boolean) value);
      case NULL:
        return NullNode.instance;
      default:
        throw new IllegalArgumentException("Unsupported Avro type " + schema.getType());
    }
  }

  private static byte[] bytesOf(ByteBuffer buffer) {
    // duplicate(): reading must not move the position of a buffer the record still owns
    ByteBuffer view = buffer.duplicate();
    byte[] bytes = new byte[view.remaining()];
    view.get(bytes);
    return bytes;
  }
}
