package io.patent2tech.connectors.drawings;

import io.patent2tech.connectors.epo.OpsImageInquiry;
import io.patent2tech.connectors.epo.ops.OpsClient;
import io.patent2tech.connectors.epo.ops.OpsResponse;
import io.patent2tech.connectors.epo.ops.OpsService;
import io.patent2tech.schema.DocumentId;
import io.patent2tech.schema.Figure;
import io.patent2tech.schema.Patent;
import io.patent2tech.udfs.drawings.FigureImageException;
import io.patent2tech.udfs.drawings.FigureImageException.Reason;
import io.patent2tech.udfs.drawings.FigureImages;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Figure images of EPO patents from EPO OPS, as OPS documents its image service: first the images
 * inquiry {@code published-data/publication/docdb/{CC}.{NR}.{KIND}/images}, which lists the
 * document's instances, then page N of the instance that holds the drawings ({@code desc="Drawing"},
 * e.g. {@code published-data/images/EP/1000000/A1/thumbnail}) as a TIFF: {@code
 * {link}.tiff?Range=N} with {@code Accept: application/tiff}. OPS serves the drawings as sheets, not
 * as figures: a figure of an EPO patent is a sheet, and its page is its position in {@code
 * Patent.figures} (the first figure is page 1). The inquiry is made once per patent.
 *
 * <p>Requests go through {@link OpsClient}: token, pacing to the {@code images} allowance, quota
 * waits and retries as for the collector.
 */
public final class OpsFigureImages implements FigureImages {

  private static final String TIFF = "application/tiff";

  private final OpsClient client;
  private final long maxImageBytes;

  private String inquired;
  private OpsImageInquiry.Instance drawings;

  public OpsFigureImages(OpsClient client, long maxImageBytes) {
    if (maxImageBytes <= 0) {
      throw new IllegalArgumentException("maxImageBytes must be positive, got " + maxImageBytes);
    }
    this.client = client;
    this.maxImageBytes = maxImageBytes;
  }

  @Override
  public byte[] read(Patent patent, Figure figure) throws FigureImageException {
    String docdb = docdb(patent);
    int page = page(patent, figure);
    OpsImageInquiry.Instance sheets = drawings(docdb);
    if (sheets == null) {
      throw new FigureImageException(Reason.MISSING, "OPS lists no drawings for " + docdb);
    }
    if (page > sheets.pages()) {
      throw new FigureImageException(Reason.MISSING, "figure " + figure.getId() + " is sheet " + page + " but OPS has "
          + sheets.pages() + " drawing sheet(s) for " + docdb);
    }
    OpsResponse r = get(sheets.link() + ".tiff?Range=" + page, TIFF);
    if (r.notFound()) {
      throw new FigureImageException(Reason.MISSING, "OPS has no page " + page + " of " + sheets.link());
    }
    if (r.body().length > maxImageBytes) {
      throw ImageBytes.tooLarge("page " + page + " of " + sheets.link(), r.body().length, maxImageBytes);
    }
    return r.body();
  }

  private OpsImageInquiry.Instance drawings(String docdb) throws FigureImageException {
    if (docdb.equals(inquired)) {
      return drawings;
    }
    OpsResponse r = get("published-data/publication/docdb/" + docdb + "/images", "application/xml");
    OpsImageInquiry.Instance found = null;
    if (!r.notFound()) {
      List<OpsImageInquiry.Instance> instances;
      try {
        instances = OpsImageInquiry.parse(r.body());
      } catch (IllegalArgumentException e) {
        throw new FigureImageException(Reason.UNREADABLE, r.request() + ": " + e.getMessage(), e);
      }
      found = instances.stream()
          .filter(i -> OpsImageInquiry.DRAWING.equals(i.desc()) && i.formats().contains(TIFF) && !i.link().isBlank())
          .findFirst().orElse(null);
    }
    inquired = docdb;
    drawings = found;
    return found;
  }

  private OpsResponse get(String resource, String accept) throws FigureImageException {
    try {
      return client.get(OpsService.IMAGES, resource, accept, null);
    } catch (IOException e) {
      throw new FigureImageException(Reason.UNAVAILABLE, e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FigureImageException(Reason.UNAVAILABLE, "interrupted", e);
    }
  }

  /** {@code EP.2400812.A1}. */
  private static String docdb(Patent patent) throws FigureImageException {
    DocumentId id = patent.getPublication();
    String cc = id == null ? null : id.getCountry();
    String nr = id == null ? null : id.getNumber();
    String kind = id == null ? null : id.getKind();
    if (!plain(cc) || !plain(nr) || !plain(kind)) {
      throw new FigureImageException(Reason.NO_SOURCE,
          patent.getPublicationKey() + " has no docdb number OPS can look up");
    }
    return cc.toUpperCase(Locale.ROOT) + "." + nr.toUpperCase(Locale.ROOT) + "." + kind.toUpperCase(Locale.ROOT);
  }

  private static boolean plain(String s) {
    return s != null && s.matches("[A-Za-z0-9]+");
  }

  private static int page(Patent patent, Figure figure) throws FigureImageException {
    List<Figure> figures = patent.getFigures();
    for (int i = 0; figures != null && i < figures.size(); i++) {
      if (figures.get(i).getId().equals(figure.getId())) {
        return i + 1;
      }
    }
    throw new FigureImageException(Reason.MISSING, "figure " + figure.getId() + " is not a figure of "
        + patent.getPublicationKey());
  }

  @Override
  public void close() {
    inquired = null;
    drawings = null;
  }
}
