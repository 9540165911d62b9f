package io.patent2tech.udfs.uspto;

import io.patent2tech.schema.Source;

/** The {@link Source} a USPTO reader puts on its record: where the document came from, and its format. */
public final class UsptoSources {

  private UsptoSources() {}

  /**
   * A copy of {@code where} with {@code product} set; null {@code where} (or a null office or file in
   * it) is read as an unknown USPTO file at position 0.
   */
  public static Source of(Source where, String product) {
    Source s = new Source();
    s.setOffice(where != null && where.getOffice() != null ? where.getOffice() : "USPTO");
    s.setProduct(product);
    s.setFile(where != null && where.getFile() != null ? where.getFile() : "unknown");
    s.setEntry(where != null ? where.getEntry() : null);
    s.setPosition(where != null ? where.getPosition() : 0L);
    s.setOffset(where != null ? where.getOffset() : null);
    s.setRequest(where != null ? where.getRequest() : null);
    s.setCollectionRun(where != null ? where.getCollectionRun() : null);
    return s;
  }
}
