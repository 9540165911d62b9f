package io.patent2tech.jobs.config;

import io.patent2tech.connectors.drawings.FigureImagesSettings;
import io.patent2tech.connectors.drawings.SourceFigureImagesFactory;
import io.patent2tech.connectors.epo.ops.OpsCredentials;
import io.patent2tech.connectors.epo.ops.OpsSettings;
import io.patent2tech.udfs.drawings.FigureImagesFactory;
import java.util.List;

/**
 * Where the jobs read figure images from (docs/drawings.md, "Where the images come from"): the
 * command-line and file options of {@link FigureImagesSettings}, for every job that reads figure
 * images.
 */
public final class FigureImageSettings {

  public static final Setting MAX_BYTES = Setting.wholeNumber("images.max-bytes",
      FigureImagesSettings.DEFAULT_MAX_IMAGE_BYTES,
      "images larger than this are refused (dead-lettered; the patent still lands)");
  public static final Setting PRODUCT_ARCHIVES = Setting.bool("images.product-archives", true,
      "read USPTO figures from the \"with images\" product (tar or zip of per-patent zips)"
          + " their XML came from");
  public static final Setting DIRECTORY = new Setting("images.dir", null,
      "a directory of images named as the XML names them (DIR/FILE or DIR/<publication>/FILE),"
          + " for any office");
  public static final Setting OPS_URL = new Setting("images.ops-url", null,
      "EPO OPS base URL (e.g. " + OpsSettings.DEFAULT_BASE_URL + "); when set, EPO figures come"
          + " from OPS published-data/images");
  public static final Setting OPS_CREDENTIALS_FILE = new Setting("images.ops-credentials-file", null,
      "properties file with the OPS key and secret; else " + OpsCredentials.ENV_KEY + " / " + OpsCredentials.ENV_SECRET);

  public static final List<Setting> SETTINGS = List.of(MAX_BYTES, PRODUCT_ARCHIVES, DIRECTORY, OPS_URL, OPS_CREDENTIALS_FILE);

  private FigureImageSettings() {}

  public static FigureImagesSettings of(Settings s) {
    FigureImagesSettings images = FigureImagesSettings.defaults()
        .withMaxImageBytes(s.getLong(MAX_BYTES.key()))
        .withProductArchives(s.getBoolean(PRODUCT_ARCHIVES.key()))
        .withImageDirectory(s.get(DIRECTORY.key()));
    String url = s.get(OPS_URL.key());
    if (url != null && !url.isBlank()) {
      String file = s.get(OPS_CREDENTIALS_FILE.key());
      images = images.withOps(OpsSettings.defaults().baseUrl(url.strip()),
          file != null ? OpsCredentials.fromFile(file) : OpsCredentials.fromEnvironment());
    }
    return images;
  }

  public static FigureImagesFactory factory(Settings s) {
    return new SourceFigureImagesFactory(of(s));
  }
}
