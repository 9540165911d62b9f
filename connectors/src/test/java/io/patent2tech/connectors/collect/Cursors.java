package io.patent2tech.connectors.collect;

import java.util.ArrayList;
import java.util.List;

/** Test helpers for {@link OfficeCollector.Cursor}s. */
public final class Cursors {

  private Cursors() {}

  /** Every document the cursor has left, in order. */
  public static List<FetchedDocument> drain(OfficeCollector.Cursor cursor) throws Exception {
    List<FetchedDocument> out = new ArrayList<>();
    for (FetchedDocument d = cursor.next(); d != null; d = cursor.next()) {
      out.add(d);
    }
    return out;
  }
}
