package io.patent2tech.udfs.drawings.image;

import io.patent2tech.udfs.drawings.image.DrawingImageRejectedException.Why;

/**
 * Checks that every strip (or tile) a TIFF's directories point at lies inside the file.
 *
 * <p>The TIFF reader is lenient: a file cut short in transfer decodes without an error, the missing
 * rows left white, so a truncated drawing would pass as a sheet with half its lines gone. Walking
 * the directories (a few hundred bytes of reading) catches that before decoding: the last strip
 * ending past the end of the file is what truncation looks like. Classic TIFF only; BigTIFF (8-byte
 * offsets, not used by the offices) is left to the reader.
 */
final class TiffStrips {

  private static final int STRIP_OFFSETS = 273;
  private static final int STRIP_BYTE_COUNTS = 279;
  private static final int TILE_OFFSETS = 324;
  private static final int TILE_BYTE_COUNTS = 325;

  private TiffStrips() {}

  /** Throws CORRUPT when a directory, an offset array or a strip lies outside the bytes. */
  static void check(byte[] b, int maxPages) throws DrawingImageRejectedException {
    if (b.length < 8 || b[2] == 43 || b[3] == 43) {
      return;
    }
    boolean big = b[0] == 'M';
    long ifd = u32(b, 4, big);
    int page = 0;
    while (ifd != 0) {
      if (page > maxPages) {
        return; // the page limit is the reader loop's to report
      }
      if (ifd + 2 > b.length) {
        throw corrupt("directory of page " + page + " at byte " + ifd + " is past the end (" + b.length + " bytes)");
      }
      int entries = u16(b, (int) ifd, big);
      long end = ifd + 2 + 12L * entries + 4;
      if (end > b.length) {
        throw corrupt("directory of page " + page + " runs past the end (" + b.length + " bytes)");
      }
      long[] offsets = null;
      long[] counts = null;
      for (int i = 0; i < entries; i++) {
        int e = (int) ifd + 2 + 12 * i;
        int tag = u16(b, e, big);
        if (tag == STRIP_OFFSETS || tag == TILE_OFFSETS) {
          offsets = values(b, e, big, page);
        } else if (tag == STRIP_BYTE_COUNTS || tag == TILE_BYTE_COUNTS) {
          counts = values(b, e, big, page);
        }
      }
      if (offsets != null && counts != null) {
        for (int i = 0; i < Math.min(offsets.length, counts.length); i++) {
          if (offsets[i] + counts[i] > b.length) {
            throw corrupt("strip " + i + " of page " + page + " ends at byte " + (offsets[i] + counts[i])
                + " but the file has " + b.length + " (truncated)");
          }
        }
      }
      ifd = u32(b, (int) (end - 4), big);
      page++;
    }
  }

  /** The values of a SHORT or LONG array entry, inline or at its offset. */
  private static long[] values(byte[] b, int entry, boolean big, int page) throws DrawingImageRejectedException {
    int type = u16(b, entry + 2, big);
    long count = u32(b, entry + 4, big);
    int size = type == 3 ? 2 : type == 4 ? 4 : 0;
    if (size == 0 || count > 1_000_000) {
      throw corrupt("page " + page + " has strip offsets of type " + type + " and count " + count);
    }
    long at = count * size <= 4 ? entry + 8 : u32(b, entry + 8, big);
    if (at + count * size > b.length) {
      throw corrupt("strip table of page " + page + " is past the end (" + b.length + " bytes)");
    }
    long[] v = new long[(int) count];
    for (int i = 0; i < count; i++) {
      int p = (int) at + i * size;
      v[i] = size == 2 ? u16(b, p, big) : u32(b, p, big);
    }
    return v;
  }

  private static DrawingImageRejectedException corrupt(String reason) {
    return new DrawingImageRejectedException(Why.CORRUPT, "TIFF " + reason, null, null);
  }

  private static int u16(byte[] b, int i, boolean big) {
    return big ? (b[i] & 0xff) << 8 | (b[i + 1] & 0xff) : (b[i + 1] & 0xff) << 8 | (b[i] & 0xff);
  }

  private static long u32(byte[] b, int i, boolean big) {
    if (i < 0 || i + 4 > b.length) {
      return Long.MAX_VALUE / 4; // out of range: the callers' bound checks reject it
    }
    long v = big
        ? (b[i] & 0xffL) << 24 | (b[i + 1] & 0xff) << 16 | (b[i + 2] & 0xff) << 8 | (b[i + 3] & 0xff)
        : (b[i + 3] & 0xffL) << 24 | (b[i + 2] & 0xff) << 16 | (b[i + 1] & 0xff) << 8 | (b[i] & 0xff);
    return v;
  }
}
