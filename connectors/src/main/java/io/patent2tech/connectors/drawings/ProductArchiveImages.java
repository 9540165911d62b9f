package io.patent2tech.connectors.drawings;

import io.patent2tech.schema.Figure;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.Source;
import io.patent2tech.udfs.drawings.FigureImageException;
import io.patent2tech.udfs.drawings.FigureImageException.Reason;
import io.patent2tech.udfs.drawings.FigureImages;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarFile;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Figure images of USPTO patents read from the "with images" product (PTGRDT, APPDT) their XML came
 * from: the patent's {@code Source.file} is the product (a tar or zip of per-patent zips) and its
 * {@code Source.entry} is {@code OUTER!INNER}, the per-patent zip in the product and the XML in it
 * (see {@link io.patent2tech.connectors.uspto.UsptoBulkFileReader}). A figure's image is the entry
 * of that zip named by {@code Figure.file} in the XML's folder (matched without regard to case; an
 * entry of that name elsewhere in the zip also counts).
 *
 * <p>A per-patent zip is read once for all the figures of its patent: its images (up to the byte
 * limit each) are kept until a figure of another patent is asked for. A local product is opened for
 * random access (a zip's central directory, a tar's headers) and kept open until another product
 * is asked for; a product on another file system (HDFS, S3) is read from its start to the
 * per-patent zip.
 */
public final class ProductArchiveImages implements FigureImages {

  private static final Logger LOG = LoggerFactory.getLogger(ProductArchiveImages.class);
  private static final byte[] ZIP = {'P', 'K', 3, 4};

  private final long maxImageBytes;
  private final boolean randomAccess;

  private String productFile;
  private Product product;

  private String patentZip;
  private Map<String, Stored> images = Map.of();

  /** An image entry of the per-patent zip; {@code bytes} is null when it is over the limit. */
  private record Stored(String name, byte[] bytes, long size) {}

  public ProductArchiveImages(long maxImageBytes) {
    this(maxImageBytes, true);
  }

  /** With {@code randomAccess} false, local products are read from their start too (tests). */
  ProductArchiveImages(long maxImageBytes, boolean randomAccess) {
    if (maxImageBytes <= 0) {
      throw new IllegalArgumentException("maxImageBytes must be positive, got " + maxImageBytes);
    }
    this.maxImageBytes = maxImageBytes;
    this.randomAccess = randomAccess;
  }

  /** True when the patent was read from a per-patent zip inside a product (its entry is nested). */
  public static boolean readFromProduct(Patent patent) {
    Source s = patent.getSource();
    return s != null && s.getFile() != null && s.getEntry() != null && s.getEntry().contains("!");
  }

  @Override
  public byte[] read(Patent patent, Figure figure) throws FigureImageException {
    if (!readFromProduct(patent)) {
      Source s = patent.getSource();
      throw new FigureImageException(Reason.NO_SOURCE, patent.getPublicationKey()
          + " was not read from a \"with images\" product (entry " + (s == null ? null : s.getEntry()) + ")");
    }
    String name = ImageBytes.fileName(figure);
    String file = patent.getSource().getFile();
    String entry = patent.getSource().getEntry();
    int bang = entry.indexOf('!');
    String zipEntry = entry.substring(0, bang);
    String xml = entry.substring(bang + 1);
    String folder = xml.substring(0, xml.lastIndexOf('/') + 1);
    Map<String, Stored> stored = imagesOf(file, zipEntry);
    Stored image = stored.get((folder + name).toLowerCase(Locale.ROOT));
    if (image == null) {
      image = stored.values().stream().filter(s -> baseName(s.name()).equalsIgnoreCase(name)).findFirst().orElse(null);
    }
    if (image == null) {
      throw new FigureImageException(Reason.MISSING, "no " + folder + name + " in " + zipEntry + " of " + file);
    }
    if (image.bytes() == null) {
      throw ImageBytes.tooLarge(image.name() + " in " + zipEntry + " of " + file, image.size(), maxImageBytes);
    }
    return image.bytes();
  }

  private Map<String, Stored> imagesOf(String file, String zipEntry) throws FigureImageException {
    String key = file + "!" + zipEntry;
    if (key.equals(patentZip)) {
      return images;
    }
    patentZip = null;
    images = Map.of();
    try (InputStream zip = openPerPatentZip(file, zipEntry)) {
      if (zip == null) {
        throw new FigureImageException(Reason.MISSING, "no " + zipEntry + " in " + file);
      }
      images = readImages(zip);
      patentZip = key;
      return images;
    } catch (FileNotFoundException | NoSuchFileException e) {
      throw new FigureImageException(Reason.MISSING, "product " + file + " not found", e);
    } catch (ZipException | EOFException e) {
      throw new FigureImageException(Reason.UNREADABLE, zipEntry + " of " + file + " is damaged: " + e.getMessage(), e);
    } catch (IOException e) {
      closeProduct();
      throw new FigureImageException(Reason.UNAVAILABLE, "cannot read " + zipEntry + " of " + file + ": " + e, e);
    }
  }

  /** The images of a per-patent zip by lower-case entry name; the XML and directories are passed over. */
  private Map<String, Stored> readImages(InputStream in) throws IOException {
    Map<String, Stored> out = new HashMap<>();
    ZipInputStream zip = new ZipInputStream(in);
    ZipEntry e;
    while ((e = zip.getNextEntry()) != null) {
      String name = e.getName();
      if (e.isDirectory() || name.toLowerCase(Locale.ROOT).endsWith(".xml")) {
        continue;
      }
      byte[] bytes = ImageBytes.readAtMost(zip, maxImageBytes);
      out.put(name.toLowerCase(Locale.ROOT), new Stored(name, bytes, bytes == null ? e.getSize() : bytes.length));
    }
    return out;
  }

  /** The data of the per-patent zip in the product, or null when the product has no such entry. */
  private InputStream openPerPatentZip(String file, String zipEntry) throws IOException {
    Path path = new Path(file);
    File local = localFile(path);
    if (local == null || !randomAccess) {
      return scan(path.getFileSystem().open(path), zipEntry);
    }
    if (!file.equals(productFile)) {
      closeProduct();
      product = Product.open(local);
      productFile = file;
    }
    return product.open(zipEntry);
  }

  private static File localFile(Path path) throws IOException {
    String scheme = path.toUri().getScheme();
    if (scheme != null && !scheme.equals("file")) {
      return null;
    }
    File f = new File(path.toUri().getPath());
    if (!f.isFile()) {
      throw new FileNotFoundException(f.toString());
    }
    return f;
  }

  /** Reads a product stream from its start to the entry; null when it has none. Closes the stream then. */
  private static InputStream scan(InputStream raw, String zipEntry) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 64 << 10);
    try {
      byte[] head = head(in);
      if (Arrays.equals(Arrays.copyOf(head, 4), ZIP)) {
        ZipInputStream zip = new ZipInputStream(in);
        for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
          if (e.getName().equals(zipEntry)) {
            return zip;
          }
        }
      } else if (TarArchiveInputStream.matches(head, head.length)) {
        TarArchiveInputStream tar = new TarArchiveInputStream(in);
        for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
          if (e.getName().equals(zipEntry)) {
            return tar;
          }
        }
      } else {
        throw new ZipException("not a zip or tar archive");
      }
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
    in.close();
    return null;
  }

  private static byte[] head(BufferedInputStream in) throws IOException {
    in.mark(512);
    byte[] head = in.readNBytes(512);
    in.reset();
    return head;
  }

  private static String baseName(String entry) {
    return entry.substring(entry.lastIndexOf('/') + 1);
  }

  private void closeProduct() {
    if (product != null) {
      try {
        product.close();
      } catch (IOException e) {
        LOG.warn("Closing {} failed: {}", productFile, e.toString());
      }
    }
    product = null;
    productFile = null;
  }

  @Override
  public void close() {
    closeProduct();
    images = Map.of();
    patentZip = null;
  }

  /** A local product opened for random access: a zip by its central directory, a tar by its headers. */
  private static final class Product implements Closeable {
    private final ZipFile zip;
    private final TarFile tar;
    private final Map<String, TarArchiveEntry> tarEntries = new HashMap<>();

    private Product(ZipFile zip, TarFile tar) {
      this.zip = zip;
      this.tar = tar;
      if (tar != null) {
        for (TarArchiveEntry e : tar.getEntries()) {
          if (e.isFile()) {
            tarEntries.put(e.getName(), e);
          }
        }
      }
    }

    static Product open(File file) throws IOException {
      byte[] head;
      try (InputStream in = new java.io.FileInputStream(file)) {
        head = in.readNBytes(512);
      }
      if (Arrays.equals(Arrays.copyOf(head, 4), ZIP)) {
        return new Product(new ZipFile(file), null);
      }
      if (TarArchiveInputStream.matches(head, head.length)) {
        return new Product(null, new TarFile(file));
      }
      throw new ZipException(file + " is not a zip or tar archive");
    }

    InputStream open(String entry) throws IOException {
      if (zip != null) {
        ZipEntry e = zip.getEntry(entry);
        return e == null ? null : zip.getInputStream(e);
      }
      TarArchiveEntry e = tarEntries.get(entry);
      return e == null ? null : tar.getInputStream(e);
    }

    @Override
    public void close() throws IOException {
      if (zip != null) {
        zip.close();
      } else {
        tar.close();
      }
    }
  }
}
