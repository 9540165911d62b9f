package io.patent2tech.udfs;

import java.io.Serializable;

import io.patent2tech.schema.Patent;
import io.patent2tech.schema.Source;
import io.patent2tech.udfs.normalize.PatentNormalizer;
import io.patent2tech.udfs.uspto.UsptoXmlParser;
import io.patent2tech.udfs.validate.PatentValidator;

/**
 * parse -> normalize -> validate for one USPTO document: what the ingest job and scripts/parse call.
 * Stateless and thread-safe. The only exception it throws is {@link DocumentRejectedException}; an
 * unexpected runtime error inside a stage is reported as a rejection of that stage (reason names the
 * error) so one bad document never stops a stream.
 */
public final class UsptoDocumentProcessor implements Serializable {

  private static final long serialVersionUID = 1L;

  private final UsptoXmlParser parser;
  private final PatentNormalizer normalizer;
  private final PatentValidator validator;

  public UsptoDocumentProcessor() {
    this.parser = new UsptoXmlParser();
    this.normalizer = new PatentNormalizer();
    this.validator = new PatentValidator();
  }

  /**
   * @param document         the bytes of one XML document
   * @param where            office/file/entry/position/offset (product is filled in by the parser)
   * @param ingestTimeMillis epoch milliseconds stored as {@code ingest_time}
   * @return the normalized, validated record with its content hash (version 1: dedupe sets versions)
   */
  public Patent process(byte[] document, Source where, long ingestTimeMillis) throws DocumentRejectedException {
    Patent p = parser.parse(document, where);
    try {
      normalizer.normalize(p, true); // the parser's text is already collapsed
    } catch (RuntimeException e) {
      throw new DocumentRejectedException(DocumentRejectedException.STAGE_NORMALIZE,
          "normalizer error: " + e, keyOf(p), e);
    }
    try {
      validator.validate(p);
    } catch (RuntimeException e) {
      throw new DocumentRejectedException(DocumentRejectedException.STAGE_VALIDATE,
          "validator error: " + e, keyOf(p), e);
    }
    p.setIngestTime(ingestTimeMillis);
    return p;
  }

  private static String keyOf(Patent p) {
    String k = p.getPublicationKey();
    return k == null || k.isEmpty() ? null : k;
  }
}
