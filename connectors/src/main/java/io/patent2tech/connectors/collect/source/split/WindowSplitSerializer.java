package io.patent2tech.connectors.collect.source.split;

import java.io.IOException;
import java.time.LocalDate;

import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

import io.patent2tech.connectors.collect.CollectWindow;

/** Versioned: a checkpoint written by this version stays readable when the split gains fields. */
public final class WindowSplitSerializer implements SimpleVersionedSerializer<WindowSplit> {

  public static final WindowSplitSerializer INSTANCE = new WindowSplitSerializer();
  private static final int VERSION = 1;

  @Override
  public int getVersion() {
    return VERSION;
  }

  @Override
  public byte[] serialize(WindowSplit split) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(128);
    write(split, out);
    return out.getCopyOfBuffer();
  }

  @Override
  public WindowSplit deserialize(int version, byte[] bytes) throws IOException {
    if (version != VERSION) {
      throw new IOException("unknown WindowSplit serializer version " + version);
    }
    return read(new DataInputDeserializer(bytes));
  }

  /** Also used inside the enumerator's state. */
  static void write(WindowSplit s, DataOutputView out) throws IOException {
    out.writeUTF(s.window.office);
    out.writeUTF(s.window.from.toString());
    out.writeUTF(s.window.to.toString());
    out.writeBoolean(s.window.filter != null);
    if (s.window.filter != null) {
      out.writeUTF(s.window.filter);
    }
    out.writeUTF(s.runId);
    out.writeInt(s.attempt);
    out.writeLong(s.notBeforeMillis);
    out.writeLong(s.emitted);
    out.writeBoolean(s.started);
  }

  static WindowSplit read(DataInputView in) throws IOException {
    String office = in.readUTF();
    LocalDate from = LocalDate.parse(in.readUTF());
    LocalDate to = LocalDate.parse(in.readUTF());
    String filter = in.readBoolean() ? in.readUTF() : null;
    return new WindowSplit(new CollectWindow(office, from, to, filter), in.readUTF(), in.readInt(),
        in.readLong(), in.readLong(), in.readBoolean());
  }

  /** For the enumerator state serializer. */
  public static void writeTo(WindowSplit s, DataOutputView out) throws IOException {
    write(s, out);
  }

  public static WindowSplit readFrom(DataInputView in) throws IOException {
    return read(in);
  }
}
