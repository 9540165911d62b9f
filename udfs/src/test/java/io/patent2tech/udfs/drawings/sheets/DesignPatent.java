package io.patent2tech.udfs.drawings.sheets;

import java.util.ArrayList;
import java.util.List;

/**
 * One synthetic design patent: its number, issue date, title and one or more embodiments, each a
 * solid drawn in a list of views. Figures are numbered through the embodiments in order (FIG. 1-7
 * the first embodiment's perspective and six orthographic views, FIG. 8-14 the second's, ...).
 *
 * @param docNumber   as the USPTO pads it, e.g. {@code D0990002}
 * @param date        issue date YYYYMMDD (a Tuesday)
 * @param title       the invention title, e.g. "Bracket"
 * @param embodiments at least one
 */
public record DesignPatent(String docNumber, String date, String title, List<Embodiment> embodiments) {

  /** One embodiment: a solid and the views drawn of it, in figure order. */
  public record Embodiment(Solid solid, List<View> views) {}

  /** One figure: its number, the embodiment (0-based) and the view. */
  public record FigureRef(int number, int embodiment, Solid solid, View view) {}

  public DesignPatent {
    if (embodiments.isEmpty()) {
      throw new IllegalArgumentException("a design patent needs at least one embodiment");
    }
    embodiments = List.copyOf(embodiments);
  }

  /** The base of the file names: {@code USD0990002-20261201}. */
  public String fileBase() {
    return "US" + docNumber + "-" + date;
  }

  /** The publication key the pipeline gives it: {@code US-D990002-S1}. */
  public String publicationKey() {
    return "US-D" + Integer.parseInt(docNumber.substring(1)) + "-S1";
  }

  /** All figures in order. */
  public List<FigureRef> figures() {
    List<FigureRef> out = new ArrayList<>();
    int n = 1;
    for (int e = 0; e < embodiments.size(); e++) {
      for (View v : embodiments.get(e).views()) {
        out.add(new FigureRef(n++, e, embodiments.get(e).solid(), v));
      }
    }
    return out;
  }

  /** True when some embodiment has all six orthographic views (a visual hull is possible). */
  public boolean reconstructable() {
    for (Embodiment e : embodiments) {
      int ortho = 0;
      for (View v : e.views()) {
        if (v.orthographic()) {
          ortho++;
        }
      }
      if (ortho == 6) {
        return true;
      }
    }
    return false;
  }
}
