package io.patent2tech.udfs.drawings.image;

/**
 * The filled outline of the object a drawing shows, on the sheet it was found on. (The
 * reconstruction's {@code reconstruct.Silhouette} is the same mask labelled with its view, in the
 * frame the carving uses; {@code models3d.SetReconstruction} turns one into the other.)
 *
 * @param mask the silhouette, cropped to {@code box}: pixel (0,0) of the mask is pixel
 *             ({@code box.minX}, {@code box.minY}) of the sheet
 * @param box  its tight bounding box in sheet coordinates
 */
public record FilledOutline(BinaryImage mask, Box box) {

  /** Whether sheet pixel (x, y) is inside the silhouette. */
  public boolean inside(int x, int y) {
    return mask.get(x - box.minX(), y - box.minY());
  }

  /** Number of pixels inside. */
  public long area() {
    return mask.inkCount();
  }
}
