package io.patent2tech.udfs.drawings.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The two real EPO drawing pages in src/test/resources/drawings/epo (PROVENANCE.md there). */
final class EpoSheets {

  /** Drawing sheet 11 of EP 2400812 A1: Fig 1, Fig 2, Fig 3A. */
  static final String SHEET = "get_image_thumbnail_response.tiff";
  /** Front page of EP 2400812 A1: bibliographic data, abstract, Fig 1. */
  static final String FRONT_PAGE = "get_image_post_response.tiff";

  private EpoSheets() {}

  static byte[] bytes(String name) {
    try (InputStream in = EpoSheets.class.getResourceAsStream("/drawings/epo/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource drawings/epo/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static BinaryImage page(String name) throws DrawingImageRejectedException {
    return DrawingImages.decode(bytes(name), ImageLimits.DEFAULT).get(0);
  }
}
