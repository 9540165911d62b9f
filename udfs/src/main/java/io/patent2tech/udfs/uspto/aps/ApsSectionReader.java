package io.patent2tech.udfs.uspto.aps;

/**
 * The reader of one concern's records of an APS patent (texts, parties, references,
 * classifications): {@link ApsPatentReader} hands it each field of those records as the cursor
 * reaches it, then tells it where each record ends, so that it can close the item the record made.
 */
interface ApsSectionReader {

  /** A field of {@code record}; the cursor is on it ({@link ApsLines#code()}, {@link ApsLines#value()} ...). */
  void field(String record, ApsLines at);

  /** The end of a record of this reader. */
  void endRecord(String record);
}
