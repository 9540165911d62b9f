package io.patent2tech.udfs.drawings.image;

import io.patent2tech.udfs.Fixtures;

/**
 * The two real EPO drawing pages of the repository's fixtures (fixtures/epo-ops/patent-dev, OPS
 * published-data/images responses for EP 2400812 A1; licence and provenance in
 * fixtures/PROVENANCE.md): big-endian CCITT G4 TIFFs of 2592 x 3508 pixels at 300 dpi.
 *
 * <p>What is on them (looked at for the tests): the thumbnail is drawing sheet 11 with Fig 1 (block
 * diagram of the Bluetooth device 100), Fig 2 (piconets, dotted ellipses) and Fig 3A (NODE boxes
 * joined by dotted arrows); the full image's page 1 is the A1 front page (bibliographic data,
 * abstract) with Fig 1 at the bottom. The description says "Figure 1 illustrates a schematic
 * diagram of a Bluetooth communication device".
 */
final class EpoSheets {

  /** Drawing sheet 11 of EP 2400812 A1: Fig 1, Fig 2, Fig 3A. */
  static final String SHEET = "get_image_thumbnail_response.tiff";
  /** Front page of EP 2400812 A1: bibliographic data, abstract, Fig 1. */
  static final String FRONT_PAGE = "get_image_post_response.tiff";

  private EpoSheets() {}

  static byte[] bytes(String name) {
    return Fixtures.epoBytes("patent-dev/" + name);
  }

  static BinaryImage page(String name) throws DrawingImageRejectedException {
    return DrawingImages.decode(bytes(name), ImageLimits.DEFAULT).get(0);
  }
}
