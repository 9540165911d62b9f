package io.patent2tech.udfs.reconstruct;

import java.io.Serializable;

/**
 * Opens a {@link ReconstructionEngine} where it is used, as {@code EmbedderFactory} does for
 * embedders: only the factory travels with a Flink job graph, and the operator opens one engine per
 * subtask (per task slot) in its {@code open()}, so a GPU engine's context is the slot's own.
 */
@FunctionalInterface
public interface ReconstructionEngineFactory extends Serializable {

  ReconstructionEngine open();

  /** The reference carver and marching cubes. */
  static ReconstructionEngineFactory cpu() {
    return ReconstructionEngine::cpu;
  }
}
