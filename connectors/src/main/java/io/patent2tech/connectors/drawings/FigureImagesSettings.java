package io.patent2tech.connectors.drawings;

import io.patent2tech.connectors.epo.ops.OpsCredentials;
import io.patent2tech.connectors.epo.ops.OpsSettings;
import java.io.Serializable;
import java.util.Objects;

/**
 * Where figure images are read from, declared once for every job and bench that reads them.
 *
 * @param maxImageBytes images larger than this are refused ({@link
 *     io.patent2tech.udfs.drawings.FigureImageException.Reason#TOO_LARGE}); default {@link
 *     #DEFAULT_MAX_IMAGE_BYTES}
 * @param productArchives read USPTO figures from the "with images" product their XML came from
 *     (the patent's {@code Source.file} and nested {@code Source.entry}); default true
 * @param imageDirectory a directory of images named as the XML names them ({@code DIR/FILE} or
 *     {@code DIR/<publication>/FILE}), for any office; null for none (the default)
 * @param ops EPO OPS settings for EPO patents ({@code published-data/images}); null for none
 * @param opsCredentials where the OPS key and secret are read from; required with {@code ops}
 */
public record FigureImagesSettings(
    long maxImageBytes, boolean productArchives, String imageDirectory, OpsSettings ops,
    OpsCredentials opsCredentials) implements Serializable {

  private static final long serialVersionUID = 1L;

  /** 16 MiB: a USPTO drawing sheet (CCITT G4 TIFF) is tens to hundreds of KB. */
  public static final long DEFAULT_MAX_IMAGE_BYTES = 16L << 20;

  public FigureImagesSettings {
    if (maxImageBytes <= 0 || maxImageBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("maxImageBytes must be between 1 and 2 GiB, got " + maxImageBytes);
    }
    if (imageDirectory != null && imageDirectory.isBlank()) {
      imageDirectory = null;
    }
    if (ops != null) {
      Objects.requireNonNull(opsCredentials, "opsCredentials are required with ops settings");
      ops = ops.copy();
    }
  }

  /** Product archives only, {@link #DEFAULT_MAX_IMAGE_BYTES}. */
  public static FigureImagesSettings defaults() {
    return new FigureImagesSettings(DEFAULT_MAX_IMAGE_BYTES, true, null, null, null);
  }

  public FigureImagesSettings withMaxImageBytes(long bytes) {
    return new FigureImagesSettings(bytes, productArchives, imageDirectory, ops, opsCredentials);
  }

  public FigureImagesSettings withProductArchives(boolean read) {
    return new FigureImagesSettings(maxImageBytes, read, imageDirectory, ops, opsCredentials);
  }

  public FigureImagesSettings withImageDirectory(String directory) {
    return new FigureImagesSettings(maxImageBytes, productArchives, directory, ops, opsCredentials);
  }

  public FigureImagesSettings withOps(OpsSettings settings, OpsCredentials credentials) {
    return new FigureImagesSettings(maxImageBytes, productArchives, imageDirectory, settings, credentials);
  }
}
