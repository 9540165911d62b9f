package io.patent2tech.udfs.drawings.image;

/** An axis-aligned box in pixel coordinates, corners inclusive. */
public record Box(int minX, int minY, int maxX, int maxY) {

  public int width() {
    return maxX - minX + 1;
  }

  public int height() {
    return maxY - minY + 1;
  }

  public long area() {
    return (long) width() * height();
  }

  public double centerX() {
    return (minX + maxX) / 2.0;
  }

  public double centerY() {
    return (minY + maxY) / 2.0;
  }

  /** The box grown by {@code margin} on every side. */
  public Box grow(int margin) {
    return new Box(minX - margin, minY - margin, maxX + margin, maxY + margin);
  }

  public Box union(Box o) {
    return new Box(Math.min(minX, o.minX), Math.min(minY, o.minY), Math.max(maxX, o.maxX), Math.max(maxY, o.maxY));
  }

  public boolean intersects(Box o) {
    return minX <= o.maxX && o.minX <= maxX && minY <= o.maxY && o.minY <= maxY;
  }

  public boolean contains(Box o) {
    return minX <= o.minX && minY <= o.minY && o.maxX <= maxX && o.maxY <= maxY;
  }

  public boolean contains(int x, int y) {
    return minX <= x && x <= maxX && minY <= y && y <= maxY;
  }

  /** Rows both boxes cover, as a fraction of the lower box's height (0 when they share none). */
  public double verticalOverlap(Box o) {
    int overlap = Math.min(maxY, o.maxY) - Math.max(minY, o.minY) + 1;
    return overlap <= 0 ? 0 : (double) overlap / Math.min(height(), o.height());
  }

  /** Horizontal gap between the boxes in pixels (negative when their columns overlap). */
  public int horizontalGap(Box o) {
    return Math.max(o.minX - maxX, minX - o.maxX) - 1;
  }
}
