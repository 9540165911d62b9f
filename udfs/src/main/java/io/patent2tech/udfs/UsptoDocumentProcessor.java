package io.patent2tech.udfs;

import java.io.Serializable;

import io.patent2tech.schema.Patent;
import io.patent2tech.schema.Source;
import io.patent2tech.udfs.uspto.UsptoXmlParser;
import io.patent2tech.udfs.uspto.aps.ApsParser;

/**
 * parse -> normalize -> validate for one USPTO document: what the ingest job and scripts/parse call.
 * APS Green Book text (1976-2001, a {@code PATN} record) goes to {@link ApsParser}, everything else
 * to {@link UsptoXmlParser}; both give the same parsed record to the same {@link RecordFinisher}.
 * Stateless and thread-safe. The only exception it throws is {@link DocumentRejectedException}; an
 * unexpected runtime error inside a stage is reported as a rejection of that stage (reason names the
 * error) so one bad document never stops a stream.
 */
public final class UsptoDocumentProcessor implements Serializable {

  private static final long serialVersionUID = 1L;

  private final UsptoXmlParser parser;
  private final ApsParser apsParser;
  private final RecordFinisher finisher;

  public UsptoDocumentProcessor() {
    this.parser = new UsptoXmlParser();
    this.apsParser = new ApsParser();
    this.finisher = new RecordFinisher(true);
  }

  /**
   * @param document         the bytes of one XML document or one APS patent
   * @param where            office/file/entry/position/offset (product is filled in by the parser)
   * @param ingestTimeMillis epoch milliseconds stored as {@code ingest_time}
   * @return the normalized, validated record with its content hash (version 1: dedupe sets versions)
   */
  public Patent process(byte[] document, Source where, long ingestTimeMillis) throws DocumentRejectedException {
    Patent p = ApsParser.isApsText(document) ? apsParser.parse(document, where) : parser.parse(document, where);
    return finisher.finish(p, true, ingestTimeMillis); // both parsers' text is already collapsed
  }
}
