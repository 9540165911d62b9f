package io.patent2tech.connectors.collect.source.reader;

import io.patent2tech.connectors.collect.source.split.WindowSplit;

/** A run's progress as the reader emits it: what its checkpoint records. Mutable, reader thread only. */
final class WindowSplitState {

  final WindowSplit split;
  long emitted;
  boolean started;
  boolean failed;

  WindowSplitState(WindowSplit split) {
    this.split = split;
    this.emitted = split.emitted;
    this.started = split.started;
  }

  WindowSplit toSplit() {
    return split.withProgress(emitted, started);
  }
}
