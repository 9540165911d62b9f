package io.patent2tech.udfs.drawings;

import java.io.Serializable;

/**
 * Creates {@link FigureImages} where they are used. Only the factory travels with a Flink job graph
 * (settings and where credentials are read from, never open files, clients or secrets); the
 * operator or sink calls {@link #open()} in its own {@code open()}.
 */
@FunctionalInterface
public interface FigureImagesFactory extends Serializable {

  FigureImages open();
}
