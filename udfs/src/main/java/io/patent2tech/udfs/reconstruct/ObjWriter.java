package io.patent2tech.udfs.reconstruct;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Wavefront OBJ: {@code v} and {@code vn} lines (one normal per vertex, same index), faces as
 * {@code f a//a b//b c//c}, 1-based. Numbers use {@link Float#toString}, which round-trips.
 */
public final class ObjWriter {

  private ObjWriter() {}

  public static void write(Mesh mesh, OutputStream out) throws IOException {
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.US_ASCII), 1 << 16);
    w.write("# Patent2Tech reconstruction; unit: longest bounding-box side = 1.0; z up\n");
    float[] p = mesh.positions();
    float[] n = mesh.normals();
    for (int v = 0; v < p.length; v += 3) {
      w.write("v " + p[v] + " " + p[v + 1] + " " + p[v + 2] + "\n");
    }
    for (int v = 0; v < n.length; v += 3) {
      w.write("vn " + n[v] + " " + n[v + 1] + " " + n[v + 2] + "\n");
    }
    int[] t = mesh.triangles();
    for (int i = 0; i < t.length; i += 3) {
      int a = t[i] + 1, b = t[i + 1] + 1, c = t[i + 2] + 1;
      w.write("f " + a + "//" + a + " " + b + "//" + b + " " + c + "//" + c + "\n");
    }
    w.flush();
  }
}
