package io.patent2tech.udfs;

import java.io.Serializable;

import io.patent2tech.schema.Patent;
import io.patent2tech.schema.Source;
import io.patent2tech.udfs.uspto.UsptoXmlParser;

/**
 * parse -> normalize -> validate for one USPTO document: what the ingest job and scripts/parse call.
 * Stateless and thread-safe. The only exception it throws is {@link DocumentRejectedException}; an
 * unexpected runtime error inside a stage is reported as a rejection of that stage (reason names the
 * error) so one bad document never stops a stream.
 */
public final class UsptoDocumentProcessor implements Serializable {

  private static final long serialVersionUID = 1L;

  private final UsptoXmlParser parser;
  private final RecordFinisher finisher;

  public UsptoDocumentProcessor() {
    this.parser = new UsptoXmlParser();
    this.finisher = new RecordFinisher(true);
  }

  /**
   * @param document         the bytes of one XML document
   * @param where            office/file/entry/position/offset (product is filled in by the parser)
   * @param ingestTimeMillis epoch milliseconds stored as {@code ingest_time}
   * @return the normalized, validated record with its content hash (version 1: dedupe sets versions)
   */
  public Patent process(byte[] document, Source where, long ingestTimeMillis) throws DocumentRejectedException {
    Patent p = parser.parse(document, where);
    return finisher.finish(p, true, ingestTimeMillis); // the parser's text is already collapsed
  }
}
