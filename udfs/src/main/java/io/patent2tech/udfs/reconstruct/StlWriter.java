package io.patent2tech.udfs.reconstruct;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Binary STL: an 80-byte header, a little-endian uint32 triangle count, then per triangle its unit
 * face normal and three vertices (12 float32) and a zero uint16. STL has no unit; the header says
 * the coordinates are relative (longest side 1.0). The header must not begin with "solid", which
 * some readers take for ASCII STL.
 */
public final class StlWriter {

  static final String HEADER = "Patent2Tech reconstruction; unit: longest bounding-box side = 1.0";

  private StlWriter() {}

  public static void write(Mesh mesh, OutputStream out) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(84 + 50 * mesh.triangleCount()).order(ByteOrder.LITTLE_ENDIAN);
    byte[] header = new byte[80];
    byte[] text = HEADER.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(text, 0, header, 0, Math.min(text.length, 80));
    b.put(header);
    b.putInt(mesh.triangleCount());
    float[] p = mesh.positions();
    int[] t = mesh.triangles();
    float[] normal = new float[3];
    for (int i = 0; i < t.length; i += 3) {
      MeshGeometry.faceNormal(p, t[i], t[i + 1], t[i + 2], normal);
      b.putFloat(normal[0]).putFloat(normal[1]).putFloat(normal[2]);
      for (int c = 0; c < 3; c++) {
        int v = 3 * t[i + c];
        b.putFloat(p[v]).putFloat(p[v + 1]).putFloat(p[v + 2]);
      }
      b.putShort((short) 0);
    }
    out.write(b.array());
  }
}
