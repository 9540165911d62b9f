package io.patent2tech.udfs.models3d;

import io.patent2tech.schema.Model3d;
import io.patent2tech.schema.ModelFiles;
import io.patent2tech.schema.ModelView;
import java.util.List;
import java.util.Map;

/** Reconstruction outcomes for tests of the landing of patents.models3d. */
public final class SampleModels {

  /** 2025-01-02T03:04:05Z */
  public static final long T0 = 1735787045000L;

  private SampleModels() {}

  /** A visual hull of a front and a top view, made on the CPU at 256. */
  public static Model3d made(String key, String set) {
    return Model3d.newBuilder().setPublicationKey(key).setFigureSet(set).setStatus(ModelSummary.MADE)
        .setMethod("visual-hull").setDevice("cpu")
        .setViewsUsed(List.of(new ModelView("front", "2", "USD0990001-20261201-D00002.TIF"),
            new ModelView("top", "6", "USD0990001-20261201-D00006.TIF")))
        .setGridSize(256).setGridDims(List.of(256, 128, 64)).setVertexCount(8L).setTriangleCount(12L)
        .setVolume(0.125).setBoundingBox(List.of(0.0, 0.0, 0.0, 1.0, 0.5, 0.25))
        .setFiles(new ModelFiles(key + "/" + set, "model.stl", "model.ply", "model.obj", "model.glb", "preview.png"))
        .setTimingsMs(Map.of("total", 42L)).setContentHash("hash-" + key + "-" + set).setMadeAt(T0).build();
  }

  /** A set that could not be made, for {@code reason}. */
  public static Model3d notMade(String key, String set, String reason) {
    return Model3d.newBuilder().setPublicationKey(key).setFigureSet(set).setStatus(ModelSummary.NOT_MADE)
        .setReason(reason).setContentHash("hash-" + key + "-" + set).setMadeAt(T0).build();
  }
}
