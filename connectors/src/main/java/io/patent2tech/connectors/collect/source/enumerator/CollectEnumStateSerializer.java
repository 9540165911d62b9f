package io.patent2tech.connectors.collect.source.enumerator;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

import io.patent2tech.connectors.collect.source.split.WindowSplit;
import io.patent2tech.connectors.collect.source.split.WindowSplitSerializer;

/** Versioned serializer of {@link CollectEnumState}. */
public final class CollectEnumStateSerializer implements SimpleVersionedSerializer<CollectEnumState> {

  private static final int VERSION = 1;

  @Override
  public int getVersion() {
    return VERSION;
  }

  @Override
  public byte[] serialize(CollectEnumState state) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(256);
    out.writeInt(state.highWaterMarks.size());
    for (var e : state.highWaterMarks.entrySet()) {
      out.writeUTF(e.getKey());
      out.writeUTF(e.getValue().toString());
    }
    out.writeInt(state.lastRuns.size());
    for (var e : state.lastRuns.entrySet()) {
      out.writeUTF(e.getKey());
      out.writeLong(e.getValue());
    }
    out.writeInt(state.unassigned.size());
    for (WindowSplit s : state.unassigned) {
      WindowSplitSerializer.writeTo(s, out);
    }
    out.writeBoolean(state.boundedWindowsCreated);
    return out.getCopyOfBuffer();
  }

  @Override
  public CollectEnumState deserialize(int version, byte[] bytes) throws IOException {
    if (version != VERSION) {
      throw new IOException("unknown collect enumerator state version " + version);
    }
    DataInputDeserializer in = new DataInputDeserializer(bytes);
    Map<String, LocalDate> hwm = new LinkedHashMap<>();
    for (int n = in.readInt(); n > 0; n--) {
      hwm.put(in.readUTF(), LocalDate.parse(in.readUTF()));
    }
    Map<String, Long> last = new LinkedHashMap<>();
    for (int n = in.readInt(); n > 0; n--) {
      last.put(in.readUTF(), in.readLong());
    }
    List<WindowSplit> unassigned = new ArrayList<>();
    for (int n = in.readInt(); n > 0; n--) {
      unassigned.add(WindowSplitSerializer.readFrom(in));
    }
    return new CollectEnumState(hwm, last, unassigned, in.readBoolean());
  }
}
