package io.patent2tech.udfs.reconstruct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class MeshWritersTest {

  /** An L-bracket, 16^3: concave, so a writer that mixes up indices shows it. */
  private static final Mesh MESH = new CpuMarchingCubes().extract(
      TestSolids.rasterize(GridSpec.ofCubicVoxels(16, 8, 12), TestSolids::lBracket));

  private interface Writer {
    void write(Mesh mesh, java.io.OutputStream out) throws IOException;
  }

  private static ByteBuffer written(Writer writer) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.write(MESH, out);
    return ByteBuffer.wrap(out.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
  }

  @Test
  void stlHasOneRecordPerTriangleWithOutwardUnitNormals() throws IOException {
    ByteBuffer b = written(StlWriter::write);
    assertThat(b.limit()).isEqualTo(84 + 50 * MESH.triangleCount());
    assertThat(new String(b.array(), 0, 5, StandardCharsets.US_ASCII)).isNotEqualTo("solid");
    assertThat(b.getInt(80)).isEqualTo(MESH.triangleCount());
    double signedVolume = 0;
    for (int t = 0; t < MESH.triangleCount(); t++) {
      int at = 84 + 50 * t;
      float nx = b.getFloat(at), ny = b.getFloat(at + 4), nz = b.getFloat(at + 8);
      assertThat(nx * nx + ny * ny + nz * nz).isCloseTo(1f, within(1e-5f));
      // a vertex of the record dotted with its normal: summed times area this is 3 x volume; here
      // only its sign matters on average, and outward normals make it positive
      signedVolume += nx * b.getFloat(at + 12) + ny * b.getFloat(at + 16) + nz * b.getFloat(at + 20);
      assertThat(b.getShort(at + 48)).isZero();
    }
    assertThat(signedVolume).isPositive();
    int[] t = MESH.triangles();
    assertThat(b.getFloat(84 + 12 + 12)).isEqualTo(MESH.positions()[3 * t[1]]);
  }

  @Test
  void plyHeaderDeclaresWhatTheBinaryBodyHolds() throws IOException {
    byte[] bytes = written(PlyWriter::write).array();
    String text = new String(bytes, StandardCharsets.US_ASCII);
    int bodyAt = text.indexOf("end_header\n") + "end_header\n".length();
    String header = text.substring(0, bodyAt);
    assertThat(header).startsWith("ply\nformat binary_little_endian 1.0\n")
        .contains("element vertex " + MESH.vertexCount() + "\n")
        .contains("element face " + MESH.triangleCount() + "\n")
        .contains("property float nx\n")
        .contains("property list uchar int vertex_indices\n");
    assertThat(bytes.length - bodyAt).isEqualTo(24 * MESH.vertexCount() + 13 * MESH.triangleCount());
    ByteBuffer body = ByteBuffer.wrap(bytes, bodyAt, bytes.length - bodyAt).slice().order(ByteOrder.LITTLE_ENDIAN);
    int lastVertex = MESH.vertexCount() - 1;
    assertThat(body.getFloat(24 * lastVertex + 20)).isEqualTo(MESH.normals()[3 * lastVertex + 2]);
    int lastFace = 24 * MESH.vertexCount() + 13 * (MESH.triangleCount() - 1);
    assertThat(body.get(lastFace)).isEqualTo((byte) 3);
    int[] t = MESH.triangles();
    assertThat(body.getInt(lastFace + 9)).isEqualTo(t[t.length - 1]);
  }

  @Test
  void objHasOneNormalPerVertexAndOneBasedFaces() throws IOException {
    String[] lines = new String(written(ObjWriter::write).array(), StandardCharsets.US_ASCII).split("\n");
    assertThat(Arrays.stream(lines).filter(l -> l.startsWith("v ")).count()).isEqualTo(MESH.vertexCount());
    assertThat(Arrays.stream(lines).filter(l -> l.startsWith("vn ")).count()).isEqualTo(MESH.vertexCount());
    assertThat(Arrays.stream(lines).filter(l -> l.startsWith("f ")).count()).isEqualTo(MESH.triangleCount());
    String firstFace = Arrays.stream(lines).filter(l -> l.startsWith("f ")).findFirst().orElseThrow();
    int[] t = MESH.triangles();
    assertThat(firstFace).isEqualTo("f " + (t[0] + 1) + "//" + (t[0] + 1) + " " + (t[1] + 1) + "//" + (t[1] + 1)
        + " " + (t[2] + 1) + "//" + (t[2] + 1));
    String firstVertex = Arrays.stream(lines).filter(l -> l.startsWith("v ")).findFirst().orElseThrow();
    assertThat(Float.parseFloat(firstVertex.split(" ")[3])).isEqualTo(MESH.positions()[2]);
  }

  @Test
  void glbIsStructurallyValid() throws IOException {
    ByteBuffer b = written(GlbWriter::write);
    // header: magic "glTF", version 2, total length
    assertThat(b.getInt(0)).isEqualTo(0x46546C67);
    assertThat(b.getInt(4)).isEqualTo(2);
    assertThat(b.getInt(8)).isEqualTo(b.limit());
    // JSON chunk: 4-byte aligned length, type "JSON"
    int jsonLength = b.getInt(12);
    assertThat(b.getInt(16)).isEqualTo(0x4E4F534A);
    assertThat(jsonLength % 4).isZero();
    JsonNode gltf = new ObjectMapper().readTree(new String(b.array(), 20, jsonLength, StandardCharsets.UTF_8));
    // BIN chunk straight after, aligned, type "BIN\0", and the last thing in the file
    int binAt = 20 + jsonLength;
    int binLength = b.getInt(binAt);
    assertThat(b.getInt(binAt + 4)).isEqualTo(0x004E4942);
    assertThat(binLength % 4).isZero();
    assertThat(binAt + 8 + binLength).isEqualTo(b.limit());
    assertThat(gltf.at("/asset/version").asText()).isEqualTo("2.0");
    assertThat(gltf.at("/buffers/0/byteLength").asInt()).isEqualTo(binLength);

    JsonNode primitive = gltf.at("/meshes/0/primitives/0");
    JsonNode position = gltf.at("/accessors/" + primitive.at("/attributes/POSITION").asInt());
    JsonNode normal = gltf.at("/accessors/" + primitive.at("/attributes/NORMAL").asInt());
    JsonNode indices = gltf.at("/accessors/" + primitive.at("/indices").asInt());
    assertThat(position.at("/count").asInt()).isEqualTo(MESH.vertexCount());
    assertThat(normal.at("/count").asInt()).isEqualTo(MESH.vertexCount());
    assertThat(indices.at("/count").asInt()).isEqualTo(3 * MESH.triangleCount());
    assertThat(position.at("/componentType").asInt()).isEqualTo(5126);
    assertThat(indices.at("/componentType").asInt()).isEqualTo(5125);
    assertThat(indices.at("/type").asText()).isEqualTo("SCALAR");
    for (JsonNode accessor : new JsonNode[] {position, normal, indices}) {
      JsonNode view = gltf.at("/bufferViews/" + accessor.at("/bufferView").asInt());
      int elementBytes = accessor.at("/type").asText().equals("VEC3") ? 12 : 4;
      assertThat(view.at("/byteOffset").asInt() % 4).isZero();
      assertThat(view.at("/byteOffset").asInt() + view.at("/byteLength").asInt()).isLessThanOrEqualTo(binLength);
      assertThat(view.at("/byteLength").asInt()).isEqualTo(accessor.at("/count").asInt() * elementBytes);
    }
    // min/max must be the exact extremes of the POSITION data in BIN
    int positionsAt = binAt + 8 + gltf.at("/bufferViews/" + position.at("/bufferView").asInt() + "/byteOffset").asInt();
    float[] min = {Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE};
    float[] max = {-Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
    for (int v = 0; v < MESH.vertexCount(); v++) {
      for (int a = 0; a < 3; a++) {
        float f = b.getFloat(positionsAt + 12 * v + 4 * a);
        min[a] = Math.min(min[a], f);
        max[a] = Math.max(max[a], f);
      }
    }
    for (int a = 0; a < 3; a++) {
      assertThat((float) position.at("/min/" + a).asDouble()).isEqualTo(min[a]);
      assertThat((float) position.at("/max/" + a).asDouble()).isEqualTo(max[a]);
    }
    // every index names a vertex
    int indicesAt = binAt + 8 + gltf.at("/bufferViews/" + indices.at("/bufferView").asInt() + "/byteOffset").asInt();
    for (int i = 0; i < 3 * MESH.triangleCount(); i++) {
      assertThat(b.getInt(indicesAt + 4 * i)).isBetween(0, MESH.vertexCount() - 1);
    }
  }
}
