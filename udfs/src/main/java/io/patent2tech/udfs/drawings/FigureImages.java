package io.patent2tech.udfs.drawings;

import io.patent2tech.schema.Figure;
import io.patent2tech.schema.Patent;

/**
 * The image bytes of a patent's figures, from wherever the patent's source keeps them: the USPTO
 * "with images" product the XML was read from, a directory of images, EPO OPS. Implementations live
 * in {@code io.patent2tech.connectors.drawings}; tests use an in-memory one.
 *
 * <p>One instance is used by one thread at a time; a Flink operator makes its own in {@code open()}
 * through a {@link FigureImagesFactory} and closes it in {@code close()}. Implementations may cache
 * what they opened for the last patent: read a patent's figures together.
 */
public interface FigureImages extends AutoCloseable {

  /**
   * The bytes of the figure's image, exactly as the source stores them (a USPTO sheet is a CCITT G4
   * TIFF).
   *
   * @throws FigureImageException when there is no image to return; its {@link
   *     FigureImageException#reason() reason} says why (missing, too large, no source configured for
   *     the office, unreadable, source unavailable), and the caller dead-letters the figure; the
   *     patent itself is not affected
   */
  byte[] read(Patent patent, Figure figure) throws FigureImageException;

  /** Releases files and connections; no exception for the caller to handle. */
  @Override
  void close();
}
