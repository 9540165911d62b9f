package io.patent2tech.udfs.models3d;

import io.patent2tech.schema.DeadLetter;
import io.patent2tech.schema.DrawingFigure;
import io.patent2tech.schema.Figure;
import io.patent2tech.schema.Model3d;
import io.patent2tech.schema.ModelView;
import io.patent2tech.schema.OrthographicSet;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.PatentDrawings;
import io.patent2tech.schema.SetView;
import io.patent2tech.udfs.DeadLetters;
import io.patent2tech.udfs.drawings.DrawingSets;
import io.patent2tech.udfs.drawings.FigureImageException;
import io.patent2tech.udfs.drawings.FigureImages;
import io.patent2tech.udfs.drawings.FigureImagesFactory;
import io.patent2tech.udfs.drawings.image.BinaryImage;
import io.patent2tech.udfs.drawings.image.DrawingImageRejectedException;
import io.patent2tech.udfs.drawings.image.DrawingImages;
import io.patent2tech.udfs.drawings.image.ImageLimits;
import io.patent2tech.udfs.reconstruct.Mesh;
import io.patent2tech.udfs.reconstruct.MeshMetrics;
import io.patent2tech.udfs.reconstruct.ReconstructionEngine;
import io.patent2tech.udfs.reconstruct.ReconstructionEngineFactory;
import io.patent2tech.udfs.reconstruct.View;
import io.patent2tech.udfs.metrics.LabeledCounters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The 3D reconstruction stage (docs/reconstruction.md): for each figure set of a patent's drawings
 * ({@link DrawingSets}, the record patents.drawings carries), one {@link Model3d}: made (a visual
 * hull, or the 2.5D extrusion of a single view) with its files in the models directory, or not made
 * with the reason. Keyed by publication key.
 *
 * <pre>
 *  set -> images (FigureImages) -> decode (G4/PNG/JPEG) -> content hash -> [known? emit nothing]
 *      -> [files with this hash? emit their record] -> silhouettes -> register -> carve -> surface
 *      -> files -> Model3d
 * </pre>
 *
 * <p>Its outside world comes as factories opened in {@link #open}: the images and the
 * reconstruction engine (carver and surface extractor on one device); the one engine per subtask
 * (per slot) is where a GPU keeps the slot's context, and every set of the subtask runs through it.
 *
 * <p><b>Batches.</b> The sets of one patent that get as far as carving are carved in one
 * {@code carveAll} and surfaced in one {@code extractAll} (one kernel launch per pass on a GPU), up
 * to {@code batchSets} sets a batch. Batches never span patents: a set's record would then wait for
 * another key's element, and a keyed function can neither hold elements of several keys in
 * checkpointed state it can reach from one callback nor emit for a key outside that key's
 * callback; an in-memory buffer across keys would be lost on failure between checkpoints
 * (docs/reconstruction.md, "Batching").
 *
 * <p><b>A replay changes nothing and recomputes nothing.</b> The content hash covers what a model
 * is made of: the set's views and figures, each image's bytes and the settings. Keyed state holds
 * the hash of each set's last outcome; the same hash again emits nothing. Without that state (a new
 * job), the hash stored beside a set's files ({@link ModelArtifacts#stored}) is looked up before any
 * carving: the same hash re-emits the stored record, and the landing stores treat it as the replay
 * it is.
 *
 * <p>Images that cannot be had (too large, unreadable, undecodable) are dead letters (side output
 * {@link #DEAD_LETTERS}) and make the set "failed" with the reason; a figure without any image file
 * makes it "not-made, missing-images". The patent itself lands either way: this stage only adds.
 */
public final class ReconstructModels extends KeyedProcessFunction<String, Patent, Model3d> {

  private static final long serialVersionUID = 1L;

  public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("models3d-failed") {};
  public static final String STAGE = "reconstruct";
  public static final String MADE = ModelSummary.MADE;
  public static final String NOT_MADE = ModelSummary.NOT_MADE;
  public static final String FAILED = ModelSummary.FAILED;

  /** Views a silhouette can be carved from; perspective, section and the rest are not. */
  private static final List<String> ORTHOGRAPHIC = List.of("front", "rear", "top", "bottom", "left", "right");

  private final FigureImagesFactory imagesFactory;
  private final ReconstructionEngineFactory engineFactory;
  private final int batchSets;
  private final ReconstructionSettings settings;
  private final ImageLimits limits;
  private final String modelsDir;
  private final String sourceName;

  private transient FigureImages images;
  private transient ReconstructionEngine engine;
  private transient ModelArtifacts artifacts;
  private transient MapState<String, String> outcomes;
  private transient Counter made;
  private transient Counter notMade;
  private transient Counter failed;
  private transient Counter reused;
  /** Every outcome again, by the device that carves (cpu or gpu) and the result (made, not-made, failed). */
  private transient LabeledCounters reconstructions;

  /**
   * @param engine the carver and surface extractor, opened once per subtask
   * @param batchSets the most sets of one patent carved and surfaced in one batch (1: each set alone)
   */
  public ReconstructModels(FigureImagesFactory images, ReconstructionEngineFactory engine, int batchSets,
      ReconstructionSettings settings, ImageLimits limits, String modelsDir, String sourceName) {
    if (batchSets < 1) {
      throw new IllegalArgumentException("batch size must be at least 1 set, not " + batchSets);
    }
    this.imagesFactory = images;
    this.engineFactory = engine;
    this.batchSets = batchSets;
    this.settings = settings;
    this.limits = limits;
    this.modelsDir = modelsDir;
    this.sourceName = sourceName;
  }

  /** The key of the keyed stage: the publication. */
  public static final class ByPublication implements KeySelector<Patent, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String getKey(Patent patent) {
      return patent.getPublicationKey();
    }
  }

  @Override
  public void open(OpenContext openContext) {
    images = imagesFactory.open();
    engine = engineFactory.open();
    artifacts = new ModelArtifacts(Path.of(modelsDir));
    outcomes = getRuntimeContext().getMapState(new MapStateDescriptor<>("model-outcomes", Types.STRING, Types.STRING));
    var metrics = getRuntimeContext().getMetricGroup();
    made = metrics.counter("modelsMade");
    notMade = metrics.counter("modelsNotMade");
    failed = metrics.counter("modelsFailed");
    reused = metrics.counter("modelsReused");
    // the engine's description names the GPU and its driver: only its class is a label
    String device = engine.device().toLowerCase(Locale.ROOT).startsWith("cpu") ? "cpu" : "gpu";
    reconstructions = new LabeledCounters(metrics.addGroup("device", device), "result", "reconstructions",
        Set.of(MADE, NOT_MADE, FAILED));
  }

  @Override
  public void close() throws Exception {
    try {
      if (images != null) {
        images.close();
      }
    } finally {
      if (engine != null) {
        engine.close();
      }
    }
  }

  @Override
  public void processElement(Patent patent, Context ctx, Collector<Model3d> out) throws Exception {
    PatentDrawings drawings = DrawingSets.of(patent);
    List<OrthographicSet> sets = drawings.getSets();
    Model3d[] records = new Model3d[sets.size()];
    List<Pending> pending = new ArrayList<>();
    for (int i = 0; i < sets.size(); i++) {
      Object first = gather(i, patent, drawings, sets.get(i), ctx);
      if (first instanceof Pending p) {
        pending.add(p);
      } else {
        records[i] = (Model3d) first;
      }
    }
    for (int from = 0; from < pending.size(); from += batchSets) {
      List<Pending> batch = pending.subList(from, Math.min(pending.size(), from + batchSets));
      List<SetReconstruction.Outcome> results = SetReconstruction.reconstructAll(
          batch.stream().map(Pending::sheets).toList(), settings, engine.carver(), engine.surfaceExtractor());
      for (int n = 0; n < batch.size(); n++) {
        records[batch.get(n).index()] = finish(batch.get(n), results.get(n));
      }
    }
    for (int i = 0; i < sets.size(); i++) {
      OrthographicSet set = sets.get(i);
      Model3d outcome = records[i];
      if (outcome.getContentHash().equals(outcomes.get(set.getId()))) {
        continue; // this set, from these inputs, is already out
      }
      outcomes.put(set.getId(), outcome.getContentHash());
      switch (outcome.getStatus()) {
        case MADE -> made.inc();
        case FAILED -> failed.inc();
        default -> notMade.inc();
      }
      reconstructions.inc(outcome.getStatus());
      out.collect(outcome);
    }
  }

  /** A set whose images are read and hashed and that has no stored model: what carving needs and the record after it. */
  private record Pending(int index, String key, OrthographicSet set, String hash, List<ModelView> used,
                         Map<String, Long> timings, List<SetReconstruction.ViewSheet> sheets, long startNanos) {}

  /**
   * The set's outcome when it is decided before carving (not made, failed, or the stored record of
   * the same inputs), else the {@link Pending} set {@code index}.
   */
  private Object gather(int index, Patent patent, PatentDrawings drawings, OrthographicSet set, Context ctx) throws Exception {
    long start = System.nanoTime();
    String key = patent.getPublicationKey();
    List<SetView> views = set.getViews().stream()
        .filter(v -> ORTHOGRAPHIC.contains(v.getView())).toList();
    boolean extrusion = views.size() == 1;
    if (!set.getReconstructable() && !(DrawingSets.SINGLE_VIEW.equals(set.getReason()) && extrusion)) {
      return notMade(key, set, set.getReason() == null ? DrawingSets.NO_ORTHOGRAPHIC_SET : set.getReason(),
          hash(set, List.of(), set.getReason()));
    }

    // the images: read and decoded before anything else, they are part of the content hash
    Map<String, Long> timings = new LinkedHashMap<>();
    List<SetReconstruction.ViewSheet> sheets = new ArrayList<>();
    List<ModelView> used = new ArrayList<>();
    List<byte[]> bytes = new ArrayList<>();
    long t = System.nanoTime();
    for (SetView v : views) {
      DrawingFigure figure = figure(drawings, v.getFigureId());
      Figure sheet = figure == null ? null : sheet(patent, figure);
      if (sheet == null) {
        return notMade(key, set, DrawingSets.MISSING_IMAGES, hash(set, List.of(), "no image file for " + v.getFigureId()));
      }
      byte[] image;
      try {
        image = images.read(patent, sheet);
      } catch (FigureImageException e) {
        if (e.reason() == FigureImageException.Reason.MISSING || e.reason() == FigureImageException.Reason.NO_SOURCE) {
          return notMade(key, set, DrawingSets.MISSING_IMAGES, hash(set, List.of(), e.getMessage()));
        }
        ctx.output(DEAD_LETTERS, deadLetter(key, "image of " + sheet.getFile() + ": " + e.getMessage(), e));
        return failed(key, set, "image-" + e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'),
            hash(set, List.of(), e.getMessage()));
      }
      BinaryImage decoded;
      try {
        decoded = DrawingImages.decode(image, limits).get(0);
      } catch (DrawingImageRejectedException e) {
        ctx.output(DEAD_LETTERS, DeadLetters.rejected(e.forPublication(key), sourceName, null, image,
            DeadLetters.DEFAULT_MAX_RAW_BYTES, System.currentTimeMillis()));
        return failed(key, set, "image-" + e.why().name().toLowerCase(Locale.ROOT).replace('_', '-'),
            hash(set, List.of(image), e.getMessage()));
      }
      bytes.add(image);
      sheets.add(new SetReconstruction.ViewSheet(View.valueOf(v.getView().toUpperCase(Locale.ROOT)), decoded,
          figure.getViewText()));
      used.add(new ModelView(v.getView(), figure.getFigureNumber() == null ? figure.getId() : figure.getFigureNumber(),
          sheet.getFile()));
    }
    timings.put("decode", millis(t));
    String hash = hash(set, bytes, extrusion ? SetReconstruction.EXTRUSION : SetReconstruction.VISUAL_HULL);

    Optional<Model3d> stored = artifacts.stored(key, set.getId());
    if (stored.isPresent() && hash.equals(stored.get().getContentHash())) {
      reused.inc();
      return stored.get(); // made before from the same inputs: nothing to compute
    }

    return new Pending(index, key, set, hash, used, timings, sheets, start);
  }

  /** The record of a carved set, its files written. */
  private Model3d finish(Pending pending, SetReconstruction.Outcome result) throws Exception {
    String key = pending.key();
    OrthographicSet set = pending.set();
    String hash = pending.hash();
    List<ModelView> used = pending.used();
    Map<String, Long> timings = pending.timings();
    timings.putAll(result.timingsMs());
    if (!result.made()) {
      return Model3d.newBuilder(notMade(key, set, result.reason(), hash)).setViewsUsed(used).setTimingsMs(timings)
          .build();
    }
    Mesh mesh = result.mesh();
    double[] box = MeshMetrics.boundingBox(mesh);
    Model3d record = Model3d.newBuilder()
        .setPublicationKey(key).setFigureSet(set.getId()).setStatus(MADE)
        .setMethod(result.method()).setDevice(engine.carver().device())
        .setViewsUsed(used)
        .setGridSize(settings.gridSize())
        .setGridDims(List.of(result.grid().nx(), result.grid().ny(), result.grid().nz()))
        .setVertexCount((long) mesh.vertexCount()).setTriangleCount((long) mesh.triangleCount())
        .setVolume(MeshMetrics.volume(mesh))
        .setBoundingBox(List.of(box[0], box[1], box[2], box[3], box[4], box[5]))
        .setFiles(ModelArtifacts.files(key, set.getId()))
        .setTimingsMs(timings).setContentHash(hash).setMadeAt(System.currentTimeMillis())
        .build();
    return artifacts.write(mesh, settings.previewSize(), record, writeMillis -> {
      timings.put("write", writeMillis);
      timings.put("total", millis(pending.startNanos()));
      return Model3d.newBuilder(record).setTimingsMs(timings).build();
    });
  }

  private static DrawingFigure figure(PatentDrawings drawings, String id) {
    return drawings.getFigures().stream().filter(f -> f.getId().equals(id)).findFirst().orElse(null);
  }

  /** The patent's sheet (image) of a figure: by its file, else its sheet id; null when it has none. */
  private static Figure sheet(Patent patent, DrawingFigure figure) {
    for (Figure f : patent.getFigures()) {
      if (figure.getFile() != null && figure.getFile().equals(f.getFile())) {
        return f;
      }
    }
    if (figure.getFile() == null) {
      return null; // several FIGs share sheets the XML does not assign: no image is known to be this view
    }
    return patent.getFigures().stream().filter(f -> f.getId().equals(figure.getSheetId()) && f.getFile() != null)
        .findFirst().orElse(null);
  }

  private static Model3d notMade(String key, OrthographicSet set, String reason, String hash) {
    return Model3d.newBuilder().setPublicationKey(key).setFigureSet(set.getId()).setStatus(NOT_MADE)
        .setReason(reason).setContentHash(hash).setMadeAt(System.currentTimeMillis()).build();
  }

  private static Model3d failed(String key, OrthographicSet set, String reason, String hash) {
    return Model3d.newBuilder(notMade(key, set, reason, hash)).setStatus(FAILED).build();
  }

  private DeadLetter deadLetter(String key, String reason, Exception e) {
    return DeadLetters.builder(sourceName, STAGE).reason(reason).error(e).publicationKey(key)
        .time(System.currentTimeMillis()).build();
  }

  /** SHA-256 over the settings, the set's views and figures, what decides the outcome and the images. */
  private String hash(OrthographicSet set, List<byte[]> images, String decidedBy) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(settings.fingerprint().getBytes(StandardCharsets.UTF_8));
      digest.update(set.toString().getBytes(StandardCharsets.UTF_8));
      digest.update(String.valueOf(decidedBy).getBytes(StandardCharsets.UTF_8));
      for (byte[] image : images) {
        digest.update(image);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  private static long millis(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
