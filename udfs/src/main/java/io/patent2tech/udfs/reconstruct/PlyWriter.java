package io.patent2tech.udfs.reconstruct;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * PLY, binary little endian: vertices with float x, y, z, nx, ny, nz (the vertex normals), faces
 * as a uchar count (always 3) and int indices. A comment carries the unit.
 */
public final class PlyWriter {

  private PlyWriter() {}

  public static void write(Mesh mesh, OutputStream out) throws IOException {
    String header = "ply\n"
        + "format binary_little_endian 1.0\n"
        + "comment Patent2Tech reconstruction; unit: longest bounding-box side = 1.0; z up\n"
        + "element vertex " + mesh.vertexCount() + "\n"
        + "property float x\nproperty float y\nproperty float z\n"
        + "property float nx\nproperty float ny\nproperty float nz\n"
        + "element face " + mesh.triangleCount() + "\n"
        + "property list uchar int vertex_indices\n"
        + "end_header\n";
    out.write(header.getBytes(StandardCharsets.US_ASCII));
    ByteBuffer b = ByteBuffer.allocate(24 * mesh.vertexCount() + 13 * mesh.triangleCount())
        .order(ByteOrder.LITTLE_ENDIAN);
    float[] p = mesh.positions();
    float[] n = mesh.normals();
    for (int v = 0; v < p.length; v += 3) {
      b.putFloat(p[v]).putFloat(p[v + 1]).putFloat(p[v + 2]).putFloat(n[v]).putFloat(n[v + 1]).putFloat(n[v + 2]);
    }
    int[] t = mesh.triangles();
    for (int i = 0; i < t.length; i += 3) {
      b.put((byte) 3).putInt(t[i]).putInt(t[i + 1]).putInt(t[i + 2]);
    }
    out.write(b.array());
  }
}
