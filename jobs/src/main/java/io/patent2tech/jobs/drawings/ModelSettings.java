package io.patent2tech.jobs.drawings;

import java.util.List;

import io.patent2tech.connectors.reconstruct.ReconstructionDevices;
import io.patent2tech.jobs.config.Setting;
import io.patent2tech.jobs.config.Settings;
import io.patent2tech.udfs.drawings.image.ImageLimits;
import io.patent2tech.udfs.models3d.ReconstructionSettings;

/** The 3D reconstruction's options (the drawings job's models path), each declared once. */
public final class ModelSettings {

  public static final Setting ENABLED = Setting.bool("models.enabled", true,
      "reconstruct each figure set in 3D -> patents.models3d and the models directory (false: drawing sets only)");
  public static final Setting DIR = new Setting("models.dir", "target/models",
      "models directory (a relative one is taken from the working directory): <publication key>/<figure set>/"
          + " with model.stl, .ply, .obj, .glb, preview.png, model3d.json");
  public static final Setting GRID_SIZE = Setting.wholeNumber("models.grid-size",
      (long) ReconstructionSettings.DEFAULTS.gridSize(), "voxels along the object's longest side (8..4096)");
  public static final Setting EXTRUSION_DEPTH = Setting.number("models.extrusion-depth",
      ReconstructionSettings.DEFAULTS.extrusionDepth(),
      "depth of a single view's 2.5D extrusion, as a fraction of its longer side (a guess: marked extrusion-2.5d)");
  public static final Setting PREVIEW_SIZE = Setting.wholeNumber("models.preview-size",
      (long) ReconstructionSettings.DEFAULTS.previewSize(), "width and height of preview.png in pixels");
  public static final Setting MAX_IMAGE_PIXELS = Setting.wholeNumber("models.max-image-pixels",
      ImageLimits.DEFAULT.maxPixels(), "larger decoded images are dead letters (a 300 dpi letter sheet is 8.4 Mpx)");

  public static final Setting BATCH_SETS = Setting.wholeNumber("models.batch-sets", 8L,
      "the most figure sets of one patent carved in one batched kernel launch and surfaced in one batched"
          + " marching cubes pass (1: each set alone); results are identical, batches never span patents");

  public static final Setting DEVICE = new Setting(ReconstructionDevices.SETTING, ReconstructionDevices.DEFAULT,
      ReconstructionDevices.HELP);

  public static final List<Setting> SETTINGS =
      List.of(ENABLED, DIR, GRID_SIZE, EXTRUSION_DEPTH, PREVIEW_SIZE, MAX_IMAGE_PIXELS, BATCH_SETS, DEVICE);

  private ModelSettings() {}

  public static ReconstructionSettings reconstruction(Settings s) {
    return new ReconstructionSettings(s.getInt(GRID_SIZE.key()), s.getDouble(EXTRUSION_DEPTH.key()),
        s.getInt(PREVIEW_SIZE.key()));
  }

  /** Where carving and marching cubes run: a CUDA GPU when one is usable (auto), or as forced. */
  public static ReconstructionDevices.Mode device(Settings s) {
    return ReconstructionDevices.Mode.of(s.require(DEVICE.key()));
  }

  public static ImageLimits imageLimits(Settings s) {
    ImageLimits d = ImageLimits.DEFAULT;
    return new ImageLimits(d.maxBytes(), d.maxWidth(), d.maxHeight(), s.getLong(MAX_IMAGE_PIXELS.key()), d.maxPages());
  }
}
