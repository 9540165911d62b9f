package io.patent2tech.udfs.reconstruct;

import java.io.Serializable;

/** Creates a {@link SurfaceExtractor} where it is used; see {@link CarverFactory}. */
@FunctionalInterface
public interface SurfaceExtractorFactory extends Serializable {

  SurfaceExtractor create();

  /** The reference marching cubes. */
  static SurfaceExtractorFactory cpu() {
    return CpuMarchingCubes::new;
  }
}
