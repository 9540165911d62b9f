package io.patent2tech.connectors.drawings;

import io.patent2tech.connectors.epo.ops.OpsClient;
import io.patent2tech.connectors.epo.ops.OpsClock;
import io.patent2tech.connectors.epo.ops.OpsThrottle;
import io.patent2tech.udfs.drawings.FigureImages;
import io.patent2tech.udfs.drawings.FigureImagesFactory;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Opens the figure image sources that {@link FigureImagesSettings} configures, as one {@link
 * CompositeFigureImages}, in this order:
 *
 * <ol>
 *   <li>USPTO patents read from a "with images" product: that product ({@link ProductArchiveImages});</li>
 *   <li>EPO patents: EPO OPS ({@link OpsFigureImages}), when OPS is configured;</li>
 *   <li>any patent: the image directory ({@link DirectoryImages}), when one is configured.</li>
 * </ol>
 *
 * KIPO patents are served only by the directory: the KIPRIS Plus records carry image links, but only
 * opaque, session-bound {@code fileToss.jsp?arg=} URLs, and the KIPRIS mapping keeps no figures (see
 * docs/drawings.md). Serializable: it carries the settings and where OPS credentials are read from,
 * never the credentials.
 */
public final class SourceFigureImagesFactory implements FigureImagesFactory {

  private static final long serialVersionUID = 1L;

  private final FigureImagesSettings settings;

  public SourceFigureImagesFactory(FigureImagesSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  public FigureImagesSettings settings() {
    return settings;
  }

  @Override
  public FigureImages open() {
    long max = settings.maxImageBytes();
    CompositeFigureImages images = new CompositeFigureImages();
    if (settings.productArchives()) {
      images.add("product archive", p -> CompositeFigureImages.office("USPTO").test(p)
          && ProductArchiveImages.readFromProduct(p), new ProductArchiveImages(max));
    }
    if (settings.ops() != null) {
      OpsClient client = new OpsClient(settings.ops(), settings.opsCredentials(),
          new OpsThrottle(OpsClock.SYSTEM, settings.ops()), OpsClock.SYSTEM);
      images.add("EPO OPS", CompositeFigureImages.office("EPO"), new OpsFigureImages(client, max));
    }
    if (settings.imageDirectory() != null) {
      images.add("directory", p -> true, new DirectoryImages(Path.of(settings.imageDirectory()), max));
    }
    return images;
  }

  @Override
  public String toString() {
    return "SourceFigureImagesFactory{maxImageBytes=" + settings.maxImageBytes() + ", productArchives="
        + settings.productArchives() + ", imageDirectory=" + settings.imageDirectory() + ", ops="
        + (settings.ops() == null ? "none" : settings.ops() + ", " + settings.opsCredentials()) + '}';
  }
}
