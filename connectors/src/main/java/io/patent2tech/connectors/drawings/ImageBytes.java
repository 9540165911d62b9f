package io.patent2tech.connectors.drawings;

import io.patent2tech.schema.Figure;
import io.patent2tech.udfs.drawings.FigureImageException;
import io.patent2tech.udfs.drawings.FigureImageException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reading an image within the byte limit, and the file name a figure gives. */
final class ImageBytes {

  private ImageBytes() {}

  /** All of {@code in}, or null when it holds more than {@code limit} bytes (then read no further). */
  static byte[] readAtMost(InputStream in, long limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 << 10];
    long total = 0;
    int n;
    while ((n = in.read(buffer)) > 0) {
      total += n;
      if (total > limit) {
        return null;
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  static FigureImageException tooLarge(String what, long size, long limit) {
    return new FigureImageException(Reason.TOO_LARGE,
        what + " has " + (size < 0 ? "more than " + limit : String.valueOf(size)) + " bytes, over the limit of "
            + limit);
  }

  /**
   * The image file the figure names ({@code Figure.file}), a plain file name: the XML is input, and
   * a name with a path in it must not reach outside where images are looked for.
   */
  static String fileName(Figure figure) throws FigureImageException {
    String file = figure.getFile();
    if (file == null || file.isBlank()) {
      throw new FigureImageException(Reason.MISSING, "figure " + figure.getId() + " names no image file");
    }
    file = file.strip();
    if (file.contains("/") || file.contains("\\") || file.equals("..") || file.equals(".") || file.indexOf('\0') >= 0) {
      throw new FigureImageException(Reason.MISSING, "figure " + figure.getId() + " names '" + file
          + "', not a plain file name");
    }
    return file;
  }

  /** {@code USD0701016-20140318} of {@code USD0701016-20140318-D00001.TIF}: the publication's folder. */
  static String publicationFolder(String file) {
    String base = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
    return base.replaceFirst("-D\\d+$", "");
  }
}
