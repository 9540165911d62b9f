package io.patent2tech.udfs.drawings.image;

import java.io.Serializable;

/**
 * How large a drawing image may be before it is rejected instead of decoded. The pixel limits are
 * checked from the header, before any pixel is decoded, so a small file that claims an enormous
 * page (a decompression bomb) costs nothing.
 *
 * @param maxBytes  encoded size; a CCITT G4 sheet is 15-100 KB, a greyscale PNG or JPEG of an A4
 *                  page at 300 dpi a few MB
 * @param maxWidth  pixels per row
 * @param maxHeight rows
 * @param maxPixels width x height of one page
 * @param maxPages  pages of a multi-page TIFF
 */
public record ImageLimits(long maxBytes, int maxWidth, int maxHeight, long maxPixels, int maxPages)
    implements Serializable {

  /**
   * 16 MiB, 8192 px a side, 16 megapixels, 500 pages. An A4 or letter sheet at 300 dpi
   * (2480x3508, 2550x3300; the EPO's 2592x3508 is 9.1 Mpx) and an A4 sheet at 400 dpi (15.5 Mpx)
   * pass; A3 at 300 dpi (17.4 Mpx) or anything at 600 dpi does not. Decoding one page at the limit
   * takes 16 MB as bytes and 2 MB bit-packed.
   */
  public static final ImageLimits DEFAULT = new ImageLimits(16L << 20, 8192, 8192, 16_000_000L, 500);

  public ImageLimits {
    if (maxBytes <= 0 || maxWidth <= 0 || maxHeight <= 0 || maxPixels <= 0 || maxPages <= 0) {
      throw new IllegalArgumentException("image limits must be positive: " + maxBytes + ", " + maxWidth
          + ", " + maxHeight + ", " + maxPixels + ", " + maxPages);
    }
  }
}
