package io.patent2tech.connectors;

import java.io.Serializable;

/**
 * Creates a {@link DeadLetterPublisher} inside a running task. Sinks and operators are serialized
 * to the task managers, the publisher (with its connections) is not: each parallel instance calls
 * {@link #create()} once when it opens and closes what it got when it closes.
 */
@FunctionalInterface
public interface DeadLetterPublisherFactory extends Serializable {

  DeadLetterPublisher create();
}
