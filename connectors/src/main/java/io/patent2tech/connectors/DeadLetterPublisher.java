package io.patent2tech.connectors;

import io.patent2tech.schema.DeadLetter;

/**
 * Where an operator or sink sends an input it could not process, so that nothing is dropped
 * silently. Implementations may buffer; {@link #flush()} returns once everything published so far
 * is durable, and callers flush before they acknowledge a checkpoint.
 */
public interface DeadLetterPublisher extends AutoCloseable {

  void publish(DeadLetter deadLetter);

  void flush();
}
