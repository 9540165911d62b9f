package io.patent2tech.connectors.collect;

import java.io.Serializable;

/**
 * What the collect source emits: a fetched document, or an event of the run that fetched it.
 * Exactly one of the two fields is set. A Flink POJO.
 */
public class CollectRecord implements Serializable {

  private static final long serialVersionUID = 1L;

  public FetchedDocument document;
  public RunEvent run;

  public CollectRecord() {}

  public static CollectRecord of(FetchedDocument document) {
    CollectRecord r = new CollectRecord();
    r.document = document;
    return r;
  }

  public static CollectRecord of(RunEvent run) {
    CollectRecord r = new CollectRecord();
    r.run = run;
    return r;
  }

  @Override
  public String toString() {
    return document != null ? document.toString() : String.valueOf(run);
  }
}
