package io.patent2tech.udfs.models3d;

import io.patent2tech.schema.Model3d;
import io.patent2tech.schema.ModelFiles;
import io.patent2tech.udfs.reconstruct.GlbWriter;
import io.patent2tech.udfs.reconstruct.Mesh;
import io.patent2tech.udfs.reconstruct.ObjWriter;
import io.patent2tech.udfs.reconstruct.PlyWriter;
import io.patent2tech.udfs.reconstruct.PreviewRenderer;
import io.patent2tech.udfs.reconstruct.StlWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * The files of the models: one directory per figure set, {@code <models dir>/<publication key>/<set>},
 * holding {@code model.stl} (binary), {@code model.ply} (binary little endian), {@code model.obj},
 * {@code model.glb}, {@code preview.png} and {@code model3d.json}, the {@link Model3d} record the
 * files belong to (Avro's JSON encoding of the schema).
 *
 * <p>A set's files are written into a fresh sibling directory and moved into place in one rename,
 * the record last: a reader never sees half a model, and a directory with a record is complete. The
 * record is how a replay recomputes nothing, even without the job's state: {@link #stored} returns
 * it, and when its content hash is the one the inputs give now, it is the model.
 */
public final class ModelArtifacts {

  public static final String RECORD = "model3d.json";

  private final Path root;

  public ModelArtifacts(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  /** The set's directory relative to the models directory: the publication key, then the set id. */
  public static String directory(String publicationKey, String figureSet) {
    return safe(publicationKey) + "/" + safe(figureSet);
  }

  /** The files of {@link #write} as the record names them. */
  public static ModelFiles files(String publicationKey, String figureSet) {
    return new ModelFiles(directory(publicationKey, figureSet), "model.stl", "model.ply", "model.obj", "model.glb",
        "preview.png");
  }

  /** The record stored with a set's files, if there is one that reads. */
  public Optional<Model3d> stored(String publicationKey, String figureSet) {
    Path record = root.resolve(directory(publicationKey, figureSet)).resolve(RECORD);
    if (!Files.isRegularFile(record)) {
      return Optional.empty();
    }
    try {
      String json = Files.readString(record, StandardCharsets.UTF_8);
      return Optional.of(new SpecificDatumReader<>(Model3d.class)
          .read(null, DecoderFactory.get().jsonDecoder(Model3d.getClassSchema(), json)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // unreadable: made again, and replaced
    }
  }

  /**
   * Writes the mesh's files into the set's directory, then the record {@code finish} makes once it
   * knows how long the files took (milliseconds), replacing what was there; returns that record.
   */
  public Model3d write(Mesh mesh, int previewSize, Model3d record, LongFunction<Model3d> finish) throws IOException {
    Path target = root.resolve(record.getFiles().getDirectory());
    Files.createDirectories(target.getParent());
    Path staging = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + "-");
    try {
      long start = System.nanoTime();
      ModelFiles f = record.getFiles();
      write(staging.resolve(f.getStl()), out -> StlWriter.write(mesh, out));
      write(staging.resolve(f.getPly()), out -> PlyWriter.write(mesh, out));
      write(staging.resolve(f.getObj()), out -> ObjWriter.write(mesh, out));
      write(staging.resolve(f.getGlb()), out -> GlbWriter.write(mesh, out));
      write(staging.resolve(f.getPreview()), out -> out.write(PreviewRenderer.png(mesh, previewSize)));
      Model3d finished = finish.apply((System.nanoTime() - start) / 1_000_000);
      write(staging.resolve(RECORD), out -> out.write(json(finished)));
      replace(staging, target);
      return finished;
    } finally {
      deleteTree(staging);
    }
  }

  static byte[] json(Model3d record) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    JsonEncoder encoder = EncoderFactory.get().jsonEncoder(Model3d.getClassSchema(), bytes, true);
    new SpecificDatumWriter<>(Model3d.class).write(record, encoder);
    encoder.flush();
    bytes.write('\n');
    return bytes.toByteArray();
  }

  private interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private static void write(Path file, Content content) throws IOException {
    try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      content.writeTo(out);
    }
  }

  /** Moves {@code staging} to {@code target}: the old directory goes aside first, then away. */
  private static void replace(Path staging, Path target) throws IOException {
    Path old = null;
    if (Files.exists(target)) {
      old = target.resolveSibling("." + target.getFileName() + "-old-" + System.nanoTime());
      Files.move(target, old);
    }
    try {
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(staging, target);
    }
    if (old != null) {
      deleteTree(old);
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A publication key or set id as one path segment: nothing that climbs or nests. */
  static String safe(String segment) {
    String s = segment.replaceAll("[^A-Za-z0-9._-]", "_");
    return s.isEmpty() || s.startsWith(".") ? "_" + s : s;
  }
}
