package io.patent2tech.udfs.drawings.sheets;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the first IFD of a TIFF by hand (not through the library that wrote it), so tests can check
 * the tags themselves: tag -> first value (SHORT/LONG) or numerator/denominator (RATIONAL as a
 * double).
 */
final class TiffTags {

  static final int COMPRESSION = 259;
  static final int PHOTOMETRIC = 262;
  static final int X_RESOLUTION = 282;
  static final int Y_RESOLUTION = 283;
  static final int RESOLUTION_UNIT = 296;
  static final int BITS_PER_SAMPLE = 258;
  static final int IMAGE_WIDTH = 256;
  static final int IMAGE_LENGTH = 257;

  private TiffTags() {}

  static Map<Integer, Double> firstIfd(byte[] tiff) {
    ByteBuffer b = ByteBuffer.wrap(tiff);
    if (tiff[0] == 'I' && tiff[1] == 'I') {
      b.order(ByteOrder.LITTLE_ENDIAN);
    } else if (tiff[0] == 'M' && tiff[1] == 'M') {
      b.order(ByteOrder.BIG_ENDIAN);
    } else {
      throw new IllegalArgumentException("not a TIFF");
    }
    if (b.getShort(2) != 42) {
      throw new IllegalArgumentException("not a classic TIFF");
    }
    int ifd = b.getInt(4);
    int n = b.getShort(ifd) & 0xffff;
    Map<Integer, Double> tags = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      int e = ifd + 2 + 12 * i;
      int tag = b.getShort(e) & 0xffff;
      int type = b.getShort(e + 2) & 0xffff;
      double value;
      if (type == 3) { // SHORT
        value = b.getShort(e + 8) & 0xffff;
      } else if (type == 4) { // LONG
        value = b.getInt(e + 8) & 0xffffffffL;
      } else if (type == 5) { // RATIONAL, stored at an offset
        int off = b.getInt(e + 8);
        value = (double) (b.getInt(off) & 0xffffffffL) / (b.getInt(off + 4) & 0xffffffffL);
      } else {
        continue;
      }
      tags.put(tag, value);
    }
    return tags;
  }
}
