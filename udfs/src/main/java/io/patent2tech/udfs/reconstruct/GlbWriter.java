package io.patent2tech.udfs.reconstruct;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * glTF 2.0 binary (GLB): a 12-byte header ("glTF", version 2, total length), a JSON chunk padded
 * with spaces to 4 bytes, and a BIN chunk holding POSITION (float VEC3, with min and max as the
 * spec requires), NORMAL (float VEC3, unit length) and the indices (uint32 SCALAR), each in its own
 * buffer view, in that order; every length is a multiple of 4, so no padding inside BIN.
 *
 * <p>glTF is y-up with the front facing +z; the data stay in this project's z-up frame and the one
 * node carries the rotation (-90 degrees about x) that maps z to glTF's up and the front (-y) to
 * +z. glTF's unit is the metre; the reconstruction's is relative (longest side 1.0), recorded in
 * {@code asset.extras.unit}.
 */
public final class GlbWriter {

  private static final int MAGIC = 0x46546C67; // "glTF"
  private static final int CHUNK_JSON = 0x4E4F534A;
  private static final int CHUNK_BIN = 0x004E4942;

  private GlbWriter() {}

  public static void write(Mesh mesh, OutputStream out) throws IOException {
    if (mesh.triangleCount() == 0) {
      throw new IllegalArgumentException("glTF accessors need at least one element; the mesh is empty");
    }
    int v = mesh.vertexCount();
    int indexCount = 3 * mesh.triangleCount();
    int positionBytes = 12 * v;
    int binLength = 2 * positionBytes + 4 * indexCount;
    float[] p = mesh.positions();
    float[] min = {Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE};
    float[] max = {-Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
    for (int i = 0; i < p.length; i += 3) {
      for (int a = 0; a < 3; a++) {
        min[a] = Math.min(min[a], p[i + a]);
        max[a] = Math.max(max[a], p[i + a]);
      }
    }
    String json = "{\"asset\":{\"version\":\"2.0\",\"generator\":\"Patent2Tech reconstruct\","
        + "\"extras\":{\"unit\":\"longest bounding-box side = 1.0\"}},"
        + "\"scene\":0,\"scenes\":[{\"nodes\":[0]}],"
        + "\"nodes\":[{\"mesh\":0,\"rotation\":[-0.70710677,0.0,0.0,0.70710677]}],"
        + "\"meshes\":[{\"primitives\":[{\"attributes\":{\"POSITION\":0,\"NORMAL\":1},\"indices\":2,\"mode\":4}]}],"
        + "\"buffers\":[{\"byteLength\":" + binLength + "}],"
        + "\"bufferViews\":["
        + "{\"buffer\":0,\"byteOffset\":0,\"byteLength\":" + positionBytes + ",\"target\":34962},"
        + "{\"buffer\":0,\"byteOffset\":" + positionBytes + ",\"byteLength\":" + positionBytes + ",\"target\":34962},"
        + "{\"buffer\":0,\"byteOffset\":" + 2 * positionBytes + ",\"byteLength\":" + 4 * indexCount + ",\"target\":34963}],"
        + "\"accessors\":["
        + "{\"bufferView\":0,\"componentType\":5126,\"count\":" + v + ",\"type\":\"VEC3\","
        + "\"min\":" + array(min) + ",\"max\":" + array(max) + "},"
        + "{\"bufferView\":1,\"componentType\":5126,\"count\":" + v + ",\"type\":\"VEC3\"},"
        + "{\"bufferView\":2,\"componentType\":5125,\"count\":" + indexCount + ",\"type\":\"SCALAR\"}]}";
    byte[] jsonBytes = json.getBytes(StandardCharsets.UTF_8);
    int jsonLength = (jsonBytes.length + 3) & ~3;
    int total = 12 + 8 + jsonLength + 8 + binLength;
    ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(MAGIC).putInt(2).putInt(total);
    b.putInt(jsonLength).putInt(CHUNK_JSON).put(jsonBytes);
    for (int i = jsonBytes.length; i < jsonLength; i++) {
      b.put((byte) ' ');
    }
    b.putInt(binLength).putInt(CHUNK_BIN);
    for (float f : p) {
      b.putFloat(f);
    }
    for (float f : mesh.normals()) {
      b.putFloat(f);
    }
    for (int index : mesh.triangles()) {
      b.putInt(index);
    }
    out.write(b.array());
  }

  /** Float.toString round-trips, and its digits are valid JSON numbers. */
  private static String array(float[] xs) {
    return "[" + Float.toString(xs[0]) + "," + Float.toString(xs[1]) + "," + Float.toString(xs[2]) + "]";
  }
}
