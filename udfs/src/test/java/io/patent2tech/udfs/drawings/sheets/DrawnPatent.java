package io.patent2tech.udfs.drawings.sheets;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A design patent drawn: its sheets (one figure each), the front-page image (FIG. 1's sheet cropped
 * to its drawing, as the front page of a grant shows the representative figure), the TIFFs and the
 * XML that names them.
 */
public final class DrawnPatent {

  /** Margin around the drawing in the cropped front-page image. */
  static final int FRONT_PAGE_MARGIN = 60;

  public final DesignPatent patent;
  /** Sheet i-1 is FIG. i. */
  public final List<SheetPainter.Sheet> sheets;
  public final BufferedImage frontPage;
  /** File name -> TIFF bytes, D00000 first. */
  public final Map<String, byte[]> tiffs;
  public final String xml;

  private DrawnPatent(DesignPatent patent, List<SheetPainter.Sheet> sheets, BufferedImage frontPage,
      Map<String, byte[]> tiffs, String xml) {
    this.patent = patent;
    this.sheets = sheets;
    this.frontPage = frontPage;
    this.tiffs = tiffs;
    this.xml = xml;
  }

  /** Draws every figure and encodes it; deterministic (the numerals' seed is number and figure). */
  public static DrawnPatent draw(DesignPatent p) throws IOException {
    List<SheetPainter.Sheet> sheets = new ArrayList<>();
    long number = Long.parseLong(p.docNumber().substring(1));
    for (DesignPatent.FigureRef f : p.figures()) {
      sheets.add(SheetPainter.paint(f.solid(), f.view(), f.number(), number * 1000 + f.number()));
    }
    BufferedImage front = cropToDrawing(sheets.get(0).image, FRONT_PAGE_MARGIN);
    Map<String, byte[]> tiffs = new LinkedHashMap<>();
    tiffs.put(GrantXml.tiffName(p, 0), G4Tiff.write(front));
    for (int i = 0; i < sheets.size(); i++) {
      tiffs.put(GrantXml.tiffName(p, i + 1), G4Tiff.write(sheets.get(i).image));
    }
    String xml = GrantXml.xml(p, new String[] {mm(front.getHeight()), mm(front.getWidth())});
    return new DrawnPatent(p, Collections.unmodifiableList(sheets), front, Collections.unmodifiableMap(tiffs), xml);
  }

  public byte[] xmlBytes() {
    return xml.getBytes(StandardCharsets.UTF_8);
  }

  static String mm(int pixels) {
    return String.format(Locale.ROOT, "%.2fmm", pixels * 25.4 / SheetPainter.DPI);
  }

  /** The black pixels' bounding box plus a margin, as a new TYPE_BYTE_BINARY image. */
  static BufferedImage cropToDrawing(BufferedImage sheet, int margin) {
    Raster r = sheet.getRaster();
    int minX = Integer.MAX_VALUE;
    int minY = Integer.MAX_VALUE;
    int maxX = -1;
    int maxY = -1;
    for (int y = 0; y < sheet.getHeight(); y++) {
      for (int x = 0; x < sheet.getWidth(); x++) {
        if (r.getSample(x, y, 0) == 0) {
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
          minY = Math.min(minY, y);
          maxY = Math.max(maxY, y);
        }
      }
    }
    int x0 = Math.max(0, minX - margin);
    int y0 = Math.max(0, minY - margin);
    int x1 = Math.min(sheet.getWidth(), maxX + 1 + margin);
    int y1 = Math.min(sheet.getHeight(), maxY + 1 + margin);
    BufferedImage out = new BufferedImage(x1 - x0, y1 - y0, BufferedImage.TYPE_BYTE_BINARY);
    out.getRaster().setRect(-x0, -y0, sheet.getRaster().createChild(x0, y0, x1 - x0, y1 - y0, x0, y0, null));
    return out;
  }
}
