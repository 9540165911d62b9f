package io.patent2tech.connectors.elasticsearch.sink;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * Writes {@link BulkWriterState} into checkpoints. Versioned, so that a later layout still reads
 * the checkpoints of this one. Version 1: document count, then per document its id (modified
 * UTF-8), the length of its JSON and the JSON bytes.
 */
public final class BulkWriterStateSerializer implements SimpleVersionedSerializer<BulkWriterState> {

  static final int VERSION = 1;

  @Override
  public int getVersion() {
    return VERSION;
  }

  @Override
  public byte[] serialize(BulkWriterState state) throws IOException {
    int size = 4;
    for (BulkWriterState.Document document : state.documents()) {
      size += 2 + document.id().length() + 4 + document.json().length;
    }
    DataOutputSerializer out = new DataOutputSerializer(size);
    out.writeInt(state.documents().size());
    for (BulkWriterState.Document document : state.documents()) {
      out.writeUTF(document.id());
      out.writeInt(document.json().length);
      out.write(document.json());
    }
    return out.getCopyOfBuffer();
  }

  @Override
  public BulkWriterState deserialize(int version, byte[] serialized) throws IOException {
    if (version != VERSION) {
      throw new IOException("Unknown Elasticsearch bulk writer state version " + version
          + " (this build reads version " + VERSION + ")");
    }
    DataInputDeserializer in = new DataInputDeserializer(serialized);
    int count = in.readInt();
    List<BulkWriterState.Document> documents = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String id = in.readUTF();
      byte[] json = new byte[in.readInt()];
      in.readFully(json);
      documents.add(new BulkWriterState.Document(id, json));
    }
    if (in.available() > 0) {
      throw new IOException("Elasticsearch bulk writer state has " + in.available() + " bytes after its "
          + count + " documents");
    }
    return new BulkWriterState(documents);
  }
}
