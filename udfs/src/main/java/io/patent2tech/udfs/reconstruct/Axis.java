package io.patent2tech.udfs.reconstruct;

/**
 * The three axes of the world frame every reconstruction uses (docs/reconstruction.md, "Frame").
 *
 * <ul>
 *   <li>{@link #X}: width, left to right as seen in the front view;</li>
 *   <li>{@link #Y}: depth, front to back;</li>
 *   <li>{@link #Z}: height, bottom to top.</li>
 * </ul>
 *
 * <p>The frame is right-handed (x cross y = z). The ordinal is the axis index used in arrays of
 * three (extents, grid sizes, vertex coordinates): X = 0, Y = 1, Z = 2.
 */
public enum Axis {
  X,
  Y,
  Z
}
