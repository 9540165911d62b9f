package io.patent2tech.connectors.drawings;

import io.patent2tech.schema.Figure;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.Source;
import io.patent2tech.udfs.drawings.FigureImageException;
import io.patent2tech.udfs.drawings.FigureImageException.Reason;
import io.patent2tech.udfs.drawings.FigureImages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Figure images from a local directory of images named as the XML names them ({@code Figure.file},
 * e.g. {@code USD0701016-20140318-D00001.TIF}), directly in the directory or in a folder named after
 * the publication ({@code DIR/USD0701016-20140318/USD0701016-20140318-D00001.TIF}, the layout of an
 * unpacked per-patent zip; the folder is the XML's folder in {@code Source.entry}, or the file name
 * without its {@code -Dnnnnn} sheet number). The name is tried as given, with its extension in
 * lower and in upper case, and all in lower and in upper case ({@code .TIF} and {@code .tif}).
 */
public final class DirectoryImages implements FigureImages {

  private final Path directory;
  private final long maxImageBytes;

  public DirectoryImages(Path directory, long maxImageBytes) {
    if (maxImageBytes <= 0) {
      throw new IllegalArgumentException("maxImageBytes must be positive, got " + maxImageBytes);
    }
    this.directory = directory.toAbsolutePath().normalize();
    this.maxImageBytes = maxImageBytes;
  }

  @Override
  public byte[] read(Patent patent, Figure figure) throws FigureImageException {
    String name = ImageBytes.fileName(figure);
    for (Path folder : folders(patent, name)) {
      for (String candidate : spellings(name)) {
        Path file = folder.resolve(candidate);
        if (Files.isRegularFile(file)) {
          return read(file);
        }
      }
    }
    throw new FigureImageException(Reason.MISSING, "no " + name + " in " + directory + " or its folder "
        + ImageBytes.publicationFolder(name));
  }

  private byte[] read(Path file) throws FigureImageException {
    try {
      long size = Files.size(file);
      if (size > maxImageBytes) {
        throw ImageBytes.tooLarge(file.toString(), size, maxImageBytes);
      }
      try (InputStream in = Files.newInputStream(file)) {
        byte[] bytes = ImageBytes.readAtMost(in, maxImageBytes);
        if (bytes == null) {
          throw ImageBytes.tooLarge(file.toString(), -1, maxImageBytes);
        }
        return bytes;
      }
    } catch (IOException e) {
      throw new FigureImageException(Reason.UNAVAILABLE, "cannot read " + file + ": " + e, e);
    }
  }

  /** The directory, then the publication's folders in it. */
  private List<Path> folders(Patent patent, String name) {
    Set<String> names = new LinkedHashSet<>();
    Source s = patent.getSource();
    if (s != null && s.getEntry() != null) {
      String entry = s.getEntry().substring(s.getEntry().indexOf('!') + 1);
      int slash = entry.lastIndexOf('/');
      if (slash > 0) {
        names.add(entry.substring(entry.lastIndexOf('/', slash - 1) + 1, slash));
      }
    }
    names.add(ImageBytes.publicationFolder(name));
    List<Path> folders = new ArrayList<>();
    folders.add(directory);
    for (String folder : names) {
      Path p = directory.resolve(folder).normalize();
      if (!folder.isEmpty() && !folder.contains("..") && p.startsWith(directory)) {
        folders.add(p);
      }
    }
    return folders;
  }

  private static Set<String> spellings(String name) {
    Set<String> out = new LinkedHashSet<>();
    out.add(name);
    int dot = name.lastIndexOf('.');
    if (dot > 0) {
      String base = name.substring(0, dot);
      String ext = name.substring(dot);
      out.add(base + ext.toLowerCase(Locale.ROOT));
      out.add(base + ext.toUpperCase(Locale.ROOT));
    }
    out.add(name.toLowerCase(Locale.ROOT));
    out.add(name.toUpperCase(Locale.ROOT));
    return out;
  }

  @Override
  public void close() {
    // nothing held open
  }
}
