package io.patent2tech.udfs.drawings.sheets;

import static io.patent2tech.udfs.drawings.sheets.Csg.X;
import static io.patent2tech.udfs.drawings.sheets.Csg.Y;
import static io.patent2tech.udfs.drawings.sheets.Csg.Z;

import java.util.List;

/**
 * The catalogue of known solids. Every profile solid (L, T, steps) is a profile in the x-z plane
 * (what the front view shows) extruded along y. Dimensions are fractions of the longest side (1).
 */
public final class Solids {

  private Solids() {}

  /** A plain box. Equals its visual hull. */
  public static Solid box(double w, double d, double h) {
    return new Solid("box", "block", w, d, h, Csg.box(0, 0, 0, w, d, h), Solid.Hull.EQUAL,
        "box " + w + " x " + d + " x " + h);
  }

  /**
   * An L-bracket: a base leg along x (thickness t) and an upright leg at the left (thickness t),
   * extruded along y. Equals its visual hull (the front view shows the L).
   */
  public static Solid lBracket(double w, double d, double h, double t) {
    Csg shape = Csg.union(Csg.box(0, 0, 0, w, d, t), Csg.box(0, 0, 0, t, d, h));
    return new Solid("l-bracket", "bracket", w, d, h, shape, Solid.Hull.EQUAL,
        "L profile in x-z extruded along y: base " + w + " x " + t + ", upright " + t + " x " + h
            + " at x=0, depth " + d);
  }

  /**
   * An inverted T-bracket: a base plate (thickness t) with a centred upright web (thickness t),
   * extruded along y. Equals its visual hull.
   */
  public static Solid tBracket(double w, double d, double h, double t) {
    double x0 = (w - t) / 2;
    Csg shape = Csg.union(Csg.box(0, 0, 0, w, d, t), Csg.box(x0, 0, 0, x0 + t, d, h));
    return new Solid("t-bracket", "T-bracket", w, d, h, shape, Solid.Hull.EQUAL,
        "inverted T profile in x-z extruded along y: base " + w + " x " + t + ", web " + t + " x " + h
            + " centred, depth " + d);
  }

  /**
   * A stepped block: {@code steps} equal steps rising from left to right (step i spans x from
   * i*w/steps to w with height (i+1)*h/steps), extruded along y. Equals its visual hull; the top view
   * shows the step edges as lines.
   */
  public static Solid steppedBlock(int steps, double w, double d, double h) {
    Csg[] parts = new Csg[steps];
    for (int i = 0; i < steps; i++) {
      parts[i] = Csg.box(i * w / steps, 0, 0, w, d, (i + 1) * h / steps);
    }
    return new Solid("stepped-block-" + steps, "step block", w, d, h, Csg.union(parts),
        Solid.Hull.EQUAL, steps + " steps rising along x, " + w + " x " + d + " x " + h);
  }

  /** A cylinder with a vertical axis (z): radius r, height h. Equals its visual hull. */
  public static Solid verticalCylinder(double r, double h) {
    return new Solid("cylinder-vertical", "knob", 2 * r, 2 * r, h, Csg.cylinder(Z, r, r, r, 0, h),
        Solid.Hull.EQUAL, "cylinder, axis z, radius " + r + ", height " + h);
  }

  /**
   * A cylinder with a horizontal axis along y (the front view shows the circle): radius r, length
   * l. Equals its visual hull.
   */
  public static Solid horizontalCylinder(double r, double l) {
    return new Solid("cylinder-horizontal", "roller", 2 * r, l, 2 * r, Csg.cylinder(Y, r, r, r, 0, l),
        Solid.Hull.EQUAL, "cylinder, axis y, radius " + r + ", length " + l);
  }

  /**
   * A plate with a vertical through hole (radius r) at its centre. The top and bottom views show
   * the hole as a circle you see through: equal to its visual hull only with see-through
   * silhouettes.
   */
  public static Solid drilledPlate(double w, double d, double h, double r) {
    Csg shape = Csg.minus(Csg.box(0, 0, 0, w, d, h), Csg.cylinder(Z, w / 2, d / 2, r, -1, h + 1));
    return new Solid("drilled-plate", "mounting plate", w, d, h, shape,
        Solid.Hull.EQUAL_WITH_SEE_THROUGH_HOLES,
        "plate " + w + " x " + d + " x " + h + " with a vertical through hole of radius " + r
            + " at its centre");
  }

  /**
   * An open box (a tray or cup): a box with a pocket from the top, walls of thickness t and a floor
   * of thickness t. The top view shows the rim's inner edge as a line, but every silhouette is a
   * full rectangle: the visual hull is the whole box.
   */
  public static Solid openBox(double w, double d, double h, double t) {
    Csg shape = Csg.minus(Csg.box(0, 0, 0, w, d, h), Csg.box(t, t, t, w - t, d - t, h + 1));
    return new Solid("open-box", "tray", w, d, h, shape, Solid.Hull.LARGER,
        "open box " + w + " x " + d + " x " + h + ", walls and floor " + t
            + "; pocket from the top, invisible in every silhouette");
  }

  /**
   * A block with a blind rectangular pocket in its front face (depth p into y): the front view shows
   * the pocket's rim as lines, no silhouette shows the pocket, so the hull is the whole block.
   */
  public static Solid pocketBlock(double w, double d, double h, double p) {
    Csg pocket = Csg.box(w * 0.3, -1, h * 0.3, w * 0.7, p, h * 0.7);
    Csg shape = Csg.minus(Csg.box(0, 0, 0, w, d, h), pocket);
    return new Solid("pocket-block", "block with recess", w, d, h, shape, Solid.Hull.LARGER,
        "block " + w + " x " + d + " x " + h + " with a blind pocket in the front face (x "
            + w * 0.3 + ".." + w * 0.7 + ", z " + h * 0.3 + ".." + h * 0.7 + ", " + p + " deep)");
  }

  /**
   * An L-shaped plate lying flat: a strip along the front (y 0..s, the whole width) and a strip
   * along the left side (x 0..s, the whole depth), thickness h. Its top and bottom views are an L,
   * not symmetric under any flip, so it shows which way each of them is turned; not in the catalogue.
   * Equals its visual hull.
   */
  public static Solid flatLPlate(double w, double d, double h, double s) {
    Csg shape = Csg.union(Csg.box(0, 0, 0, w, s, h), Csg.box(0, 0, 0, s, d, h));
    return new Solid("flat-l-plate", "corner plate", w, d, h, shape, Solid.Hull.EQUAL,
        "L-shaped plate lying flat, " + w + " x " + d + " x " + h + ", strips " + s + " wide along the front and"
            + " the left side");
  }

  /** The catalogue with the dimensions the generated set uses. */
  public static List<Solid> catalogue() {
    return List.of(
        box(1.0, 0.6, 0.4),
        lBracket(1.0, 0.5, 0.8, 0.2),
        tBracket(1.0, 0.5, 0.7, 0.2),
        steppedBlock(2, 1.0, 0.6, 0.6),
        steppedBlock(3, 1.0, 0.6, 0.75),
        verticalCylinder(0.4, 1.0),
        horizontalCylinder(0.35, 1.0),
        drilledPlate(1.0, 0.7, 0.15, 0.15),
        openBox(1.0, 0.7, 0.5, 0.1),
        pocketBlock(1.0, 0.6, 0.6, 0.3));
  }

  /** The catalogue entry with this id. */
  public static Solid byId(String id) {
    for (Solid s : catalogue()) {
      if (s.id().equals(id)) {
        return s;
      }
    }
    throw new IllegalArgumentException("no solid '" + id + "'; known: " + catalogue());
  }
}
