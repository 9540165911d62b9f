package io.patent2tech.connectors.uspto.download;

import java.net.URI;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;

/**
 * One downloadable file of a USPTO bulk product (e.g. the weekly {@code ipg240109.zip} of
 * PTGRXML), as the ODP datasets API or the older BDSS API lists it. The listing's size (and
 * checksum, when one is given) is what {@link ResumableDownload} verifies before a file is parsed.
 *
 * @param product product identifier, e.g. PTGRXML
 * @param name file name, also the name in the download directory
 * @param size size in bytes as listed; negative when unknown
 * @param fromDate first day of data in the file
 * @param toDate last day of data in the file
 * @param uri where to download it
 * @param checksum {@code algorithm:hex} (e.g. {@code MD5:...}) or null
 */
public record ProductFile(String product, String name, long size, LocalDate fromDate, LocalDate toDate,
    URI uri, String checksum) {

  /** Stable collection order: by first date, then name. */
  public static final Comparator<ProductFile> ORDER =
      Comparator.comparing(ProductFile::fromDate).thenComparing(ProductFile::name);

  public ProductFile {
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(fromDate, "fromDate");
    Objects.requireNonNull(uri, "uri");
    toDate = toDate == null ? fromDate : toDate;
  }
}
