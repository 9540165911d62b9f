package io.patent2tech.udfs.reconstruct;

import java.io.Serializable;

/**
 * Creates a {@link Carver} where it is used, as {@code EmbedderFactory} does for embedders: only the
 * factory travels with a Flink job graph, and a GPU carver opens its device context in the
 * operator's {@code open()}.
 */
@FunctionalInterface
public interface CarverFactory extends Serializable {

  Carver create();

  /** The reference carver. */
  static CarverFactory cpu() {
    return CpuCarver::new;
  }
}
