package io.patent2tech.udfs.embed;

import java.io.Serializable;

/**
 * Creates an {@link Embedder} where it is used. Only the factory travels with a Flink job graph;
 * models, thread pools and HTTP clients are built in the operator's {@code open()}.
 */
@FunctionalInterface
public interface EmbedderFactory extends Serializable {

  Embedder create();
}
