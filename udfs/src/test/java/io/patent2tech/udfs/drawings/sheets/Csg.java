package io.patent2tech.udfs.drawings.sheets;

import java.util.ArrayList;
import java.util.List;

/**
 * Constructive solid geometry of axis-aligned boxes and cylinders, union and difference: the exact
 * description of a {@link Solid}. Two questions are answered exactly: is a point inside, and where
 * does a ray enter and leave the solid ({@link #spans}), which is all the line renderer needs.
 */
abstract class Csg {

  /** Axis indices. */
  static final int X = 0;
  static final int Y = 1;
  static final int Z = 2;

  abstract boolean inside(double x, double y, double z);

  /**
   * The parameter intervals where the ray {@code o + t d} is inside, sorted and disjoint, each with
   * the outward surface normal where the ray enters and where it leaves.
   */
  abstract List<Span> spans(double[] o, double[] d);

  /** One interval of a ray inside the solid. */
  static final class Span {
    final double t0;
    final double[] n0;
    final double t1;
    final double[] n1;

    Span(double t0, double[] n0, double t1, double[] n1) {
      this.t0 = t0;
      this.n0 = n0;
      this.t1 = t1;
      this.n1 = n1;
    }
  }

  static Csg box(double x0, double y0, double z0, double x1, double y1, double z1) {
    return new Box(new double[] {x0, y0, z0}, new double[] {x1, y1, z1});
  }

  /** A cylinder along {@code axis} (X, Y or Z) from lo to hi, its centre (c1, c2) on the two other axes in order. */
  static Csg cylinder(int axis, double c1, double c2, double r, double lo, double hi) {
    return new Cylinder(axis, c1, c2, r, lo, hi);
  }

  static Csg union(Csg... parts) {
    Csg u = parts[0];
    for (int i = 1; i < parts.length; i++) {
      u = new Union(u, parts[i]);
    }
    return u;
  }

  static Csg minus(Csg a, Csg... cuts) {
    Csg m = a;
    for (Csg c : cuts) {
      m = new Minus(m, c);
    }
    return m;
  }

  private static double[] axisNormal(int axis, double sign) {
    double[] n = new double[3];
    n[axis] = sign;
    return n;
  }

  private static double[] negate(double[] n) {
    return new double[] {-n[0], -n[1], -n[2]};
  }

  static final class Box extends Csg {
    private final double[] lo;
    private final double[] hi;

    Box(double[] lo, double[] hi) {
      this.lo = lo;
      this.hi = hi;
    }

    @Override
    boolean inside(double x, double y, double z) {
      return x >= lo[0] && x <= hi[0] && y >= lo[1] && y <= hi[1] && z >= lo[2] && z <= hi[2];
    }

    @Override
    List<Span> spans(double[] o, double[] d) {
      double tin = Double.NEGATIVE_INFINITY;
      double tout = Double.POSITIVE_INFINITY;
      int ain = -1;
      int aout = -1;
      double sin = 0;
      double sout = 0;
      for (int a = 0; a < 3; a++) {
        if (d[a] == 0) {
          if (o[a] < lo[a] || o[a] > hi[a]) {
            return List.of();
          }
          continue;
        }
        double ta = (lo[a] - o[a]) / d[a];
        double tb = (hi[a] - o[a]) / d[a];
        // entering through the face the ray meets first: lo when d > 0 (normal -axis), hi when d < 0
        double enter = Math.min(ta, tb);
        double exit = Math.max(ta, tb);
        if (enter > tin) {
          tin = enter;
          ain = a;
          sin = d[a] > 0 ? -1 : 1;
        }
        if (exit < tout) {
          tout = exit;
          aout = a;
          sout = d[a] > 0 ? 1 : -1;
        }
      }
      if (tin >= tout || ain < 0 || aout < 0) {
        return List.of();
      }
      return List.of(new Span(tin, axisNormal(ain, sin), tout, axisNormal(aout, sout)));
    }
  }

  static final class Cylinder extends Csg {
    private final int axis;
    private final int a1;
    private final int a2;
    private final double c1;
    private final double c2;
    private final double r;
    private final double lo;
    private final double hi;

    Cylinder(int axis, double c1, double c2, double r, double lo, double hi) {
      this.axis = axis;
      this.a1 = axis == X ? Y : X;
      this.a2 = axis == Z ? Y : Z;
      this.c1 = c1;
      this.c2 = c2;
      this.r = r;
      this.lo = lo;
      this.hi = hi;
    }

    @Override
    boolean inside(double x, double y, double z) {
      double[] p = {x, y, z};
      double u = p[a1] - c1;
      double v = p[a2] - c2;
      return p[axis] >= lo && p[axis] <= hi && u * u + v * v <= r * r;
    }

    @Override
    List<Span> spans(double[] o, double[] d) {
      // along the axis: a slab
      double sIn;
      double sOut;
      if (d[axis] == 0) {
        if (o[axis] < lo || o[axis] > hi) {
          return List.of();
        }
        sIn = Double.NEGATIVE_INFINITY;
        sOut = Double.POSITIVE_INFINITY;
      } else {
        double ta = (lo - o[axis]) / d[axis];
        double tb = (hi - o[axis]) / d[axis];
        sIn = Math.min(ta, tb);
        sOut = Math.max(ta, tb);
      }
      // across the axis: a disc
      double ou = o[a1] - c1;
      double ov = o[a2] - c2;
      double du = d[a1];
      double dv = d[a2];
      double a = du * du + dv * dv;
      double cIn;
      double cOut;
      if (a == 0) {
        if (ou * ou + ov * ov > r * r) {
          return List.of();
        }
        cIn = Double.NEGATIVE_INFINITY;
        cOut = Double.POSITIVE_INFINITY;
      } else {
        double b = ou * du + ov * dv;
        double c = ou * ou + ov * ov - r * r;
        double disc = b * b - a * c;
        if (disc <= 0) {
          return List.of();
        }
        double sq = Math.sqrt(disc);
        cIn = (-b - sq) / a;
        cOut = (-b + sq) / a;
      }
      double tin = Math.max(sIn, cIn);
      double tout = Math.min(sOut, cOut);
      if (tin >= tout) {
        return List.of();
      }
      double[] nIn = sIn >= cIn ? axisNormal(axis, d[axis] > 0 ? -1 : 1) : side(o, d, tin);
      double[] nOut = sOut <= cOut ? axisNormal(axis, d[axis] > 0 ? 1 : -1) : side(o, d, tout);
      return List.of(new Span(tin, nIn, tout, nOut));
    }

    private double[] side(double[] o, double[] d, double t) {
      double[] n = new double[3];
      double u = o[a1] + t * d[a1] - c1;
      double v = o[a2] + t * d[a2] - c2;
      double len = Math.sqrt(u * u + v * v);
      n[a1] = u / len;
      n[a2] = v / len;
      return n;
    }
  }

  static final class Union extends Csg {
    private final Csg a;
    private final Csg b;

    Union(Csg a, Csg b) {
      this.a = a;
      this.b = b;
    }

    @Override
    boolean inside(double x, double y, double z) {
      return a.inside(x, y, z) || b.inside(x, y, z);
    }

    @Override
    List<Span> spans(double[] o, double[] d) {
      List<Span> sa = a.spans(o, d);
      List<Span> sb = b.spans(o, d);
      if (sa.isEmpty()) {
        return sb;
      }
      if (sb.isEmpty()) {
        return sa;
      }
      List<Span> all = new ArrayList<>(sa.size() + sb.size());
      int i = 0;
      int j = 0;
      while (i < sa.size() || j < sb.size()) {
        if (j >= sb.size() || (i < sa.size() && sa.get(i).t0 <= sb.get(j).t0)) {
          all.add(sa.get(i++));
        } else {
          all.add(sb.get(j++));
        }
      }
      List<Span> out = new ArrayList<>(all.size());
      Span cur = all.get(0);
      for (int k = 1; k < all.size(); k++) {
        Span s = all.get(k);
        if (s.t0 <= cur.t1) {
          if (s.t1 > cur.t1) {
            cur = new Span(cur.t0, cur.n0, s.t1, s.n1);
          }
        } else {
          out.add(cur);
          cur = s;
        }
      }
      out.add(cur);
      return out;
    }
  }

  static final class Minus extends Csg {
    private final Csg a;
    private final Csg b;

    Minus(Csg a, Csg b) {
      this.a = a;
      this.b = b;
    }

    @Override
    boolean inside(double x, double y, double z) {
      return a.inside(x, y, z) && !b.inside(x, y, z);
    }

    @Override
    List<Span> spans(double[] o, double[] d) {
      List<Span> sa = a.spans(o, d);
      if (sa.isEmpty()) {
        return sa;
      }
      List<Span> sb = b.spans(o, d);
      if (sb.isEmpty()) {
        return sa;
      }
      List<Span> out = new ArrayList<>(sa.size() + 1);
      for (Span s : sa) {
        double t0 = s.t0;
        double[] n0 = s.n0;
        boolean open = true;
        for (Span c : sb) {
          if (c.t1 <= t0 || c.t0 >= s.t1) {
            continue;
          }
          if (c.t0 > t0) {
            out.add(new Span(t0, n0, c.t0, negate(c.n0)));
          }
          if (c.t1 >= s.t1) {
            open = false;
            break;
          }
          t0 = c.t1;
          n0 = negate(c.n1);
        }
        if (open) {
          out.add(new Span(t0, n0, s.t1, s.n1));
        }
      }
      return out;
    }
  }
}
