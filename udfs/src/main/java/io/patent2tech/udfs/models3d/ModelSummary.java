package io.patent2tech.udfs.models3d;

import io.patent2tech.schema.Model3d;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What a publication's search document says of its 3D models ({@link PatentModels}): whether one
 * was made, the first made set's method, device and preview, and why the others were not. A
 * function of the sets' outcomes alone, so the document written from it is too.
 *
 * <p>A Flink POJO (public fields, no-argument constructor).
 */
public class ModelSummary {

  public static final String MADE = "made";
  public static final String NOT_MADE = "not-made";
  public static final String FAILED = "failed";

  public String publicationKey;
  /** At least one set was made into a model. */
  public boolean hasModel;
  /** made when a set was made; else failed when one failed; else not-made. */
  public String status;
  /** The first made set (set id order): its id, method, device and preview path; null without one. */
  public String figureSet;
  public String method;
  public String device;
  public String preview;
  /** The reasons of the sets not made or failed, sorted, each once. */
  public String[] reasons = new String[0];

  public ModelSummary() {}

  static ModelSummary of(String publicationKey, List<Map.Entry<String, SetOutcome>> setsInOrder) {
    ModelSummary s = new ModelSummary();
    s.publicationKey = publicationKey;
    TreeSet<String> reasons = new TreeSet<>();
    boolean failed = false;
    for (Map.Entry<String, SetOutcome> e : setsInOrder) {
      SetOutcome o = e.getValue();
      if (MADE.equals(o.status)) {
        if (!s.hasModel) {
          s.hasModel = true;
          s.figureSet = e.getKey();
          s.method = o.method;
          s.device = o.device;
          s.preview = o.preview;
        }
      } else {
        failed |= FAILED.equals(o.status);
        if (o.reason != null) {
          reasons.add(o.reason);
        }
      }
    }
    s.status = s.hasModel ? MADE : failed ? FAILED : NOT_MADE;
    s.reasons = reasons.toArray(String[]::new);
    return s;
  }

  /** One set's outcome, the part of a {@link Model3d} the summary needs. A Flink POJO. */
  public static class SetOutcome {
    public String status;
    public String reason;
    public String method;
    public String device;
    /** The preview's path: the artifact directory and the preview file; null without a preview. */
    public String preview;

    public SetOutcome() {}

    static SetOutcome of(Model3d model) {
      SetOutcome o = new SetOutcome();
      o.status = model.getStatus();
      o.reason = model.getReason();
      o.method = model.getMethod();
      o.device = model.getDevice();
      if (model.getFiles() != null && model.getFiles().getPreview() != null) {
        o.preview = model.getFiles().getDirectory() + "/" + model.getFiles().getPreview();
      }
      return o;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof SetOutcome o && Objects.equals(status, o.status) && Objects.equals(reason, o.reason)
          && Objects.equals(method, o.method) && Objects.equals(device, o.device) && Objects.equals(preview, o.preview);
    }

    @Override
    public int hashCode() {
      return Objects.hash(status, reason, method, device, preview);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ModelSummary o && hasModel == o.hasModel && Objects.equals(publicationKey, o.publicationKey)
        && Objects.equals(status, o.status) && Objects.equals(figureSet, o.figureSet)
        && Objects.equals(method, o.method) && Objects.equals(device, o.device) && Objects.equals(preview, o.preview)
        && java.util.Arrays.equals(reasons, o.reasons);
  }

  @Override
  public int hashCode() {
    return Objects.hash(publicationKey, hasModel, status, figureSet, method, device, preview,
        java.util.Arrays.hashCode(reasons));
  }

  @Override
  public String toString() {
    return publicationKey + " " + status + (hasModel ? " " + figureSet + " " + method + " on " + device + " " + preview : "")
        + " reasons=" + java.util.Arrays.toString(reasons);
  }
}
