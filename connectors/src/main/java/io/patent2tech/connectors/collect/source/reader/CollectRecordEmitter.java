package io.patent2tech.connectors.collect.source.reader;

import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.connector.base.source.reader.RecordEmitter;

import io.patent2tech.connectors.collect.CollectRecord;
import io.patent2tech.connectors.collect.RunEvent;

/** Emits a record and counts it into its run's progress, in the reader thread, before a checkpoint can see it. */
final class CollectRecordEmitter implements RecordEmitter<CollectRecord, CollectRecord, WindowSplitState> {

  @Override
  public void emitRecord(CollectRecord record, SourceOutput<CollectRecord> output, WindowSplitState state) {
    if (record.document != null) {
      state.emitted++;
    } else if (RunEvent.STARTED.equals(record.run.phase)) {
      state.started = true;
    } else if (RunEvent.FAILED.equals(record.run.phase)) {
      state.failed = true;
    }
    output.collect(record);
  }
}
