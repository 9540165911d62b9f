package io.patent2tech.udfs.uspto;

import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamException;

import io.patent2tech.schema.Figure;

/**
 * Drawing sheets: ICE {@code figure/img}, PAP {@code figure/image}, ST.32 {@code SDODR/EMI}. FIG
 * numbers and view texts are attached later from the brief description ({@link DrawingViews}).
 */
final class DrawingReader {

  private final DocumentCursor c;
  private final List<Figure> out;

  DrawingReader(DocumentCursor c, PatentDraft d) {
    this.c = c;
    this.out = d.figures;
  }

  /** A figure element: its id (or num) and the file of its first image ({@code img} or {@code image}). */
  void figure() throws XMLStreamException {
    String id = c.attr("id");
    String num = c.attr("num");
    String file = null;
    int depth = c.depth();
    for (String name = c.nextStartWithin(depth); name != null; name = c.nextStartWithin(depth)) {
      if (file == null && (name.equals("img") || name.equals("image"))) {
        file = c.attr("file");
      }
    }
    add(id != null ? id : num != null ? "figure-" + num : "figure-" + out.size(), file);
  }

  /** ST.32: every {@code EMI} directly in the drawings part is one sheet. */
  void st32Drawings() throws XMLStreamException {
    int depth = c.depth();
    for (String name = c.nextStartWithin(depth); name != null; name = c.nextStartWithin(depth)) {
      if (name.equals("EMI")) {
        String id = c.attr("ID");
        add(id != null ? id : "figure-" + out.size(), c.attr("FILE"));
      }
    }
  }

  private void add(String id, String file) {
    Figure f = new Figure();
    f.setId(id);
    f.setFile(file);
    f.setFigureNumbers(new ArrayList<>(0));
    f.setViewText(null);
    out.add(f);
  }
}
