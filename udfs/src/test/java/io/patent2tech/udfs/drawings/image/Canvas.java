package io.patent2tech.udfs.drawings.image;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/** A white 1-bit page to draw test sheets on with java.awt, black ink, no antialiasing. */
final class Canvas {

  final BufferedImage image;
  final Graphics2D g;

  Canvas(int width, int height) {
    image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
    g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.BLACK);
  }

  /** Text with its baseline starting at (x, y) in a sans-serif font of the given pixel size. */
  Canvas text(String s, int x, int y, int size) {
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, size));
    g.drawString(s, x, y);
    return this;
  }

  /** Where {@link #text} puts the string: its logical box (a bit larger than the ink). */
  Box textBox(String s, int x, int y, int size) {
    Font f = new Font(Font.SANS_SERIF, Font.PLAIN, size);
    Rectangle2D r = f.getStringBounds(s, new FontRenderContext(null, false, false));
    return new Box(x + (int) Math.floor(r.getMinX()), y + (int) Math.floor(r.getMinY()),
        x + (int) Math.ceil(r.getMaxX()), y + (int) Math.ceil(r.getMaxY()));
  }

  Canvas stroke(float width) {
    g.setStroke(new BasicStroke(width));
    return this;
  }

  /** A rectangle outline whose outer edge is exactly [x, x + w) x [y, y + h), lines t thick. */
  Canvas frame(int x, int y, int w, int h, int t) {
    g.fillRect(x, y, w, t);
    g.fillRect(x, y + h - t, w, t);
    g.fillRect(x, y, t, h);
    g.fillRect(x + w - t, y, t, h);
    return this;
  }

  BinaryImage binary() {
    return DrawingImages.toBinary(image);
  }
}
