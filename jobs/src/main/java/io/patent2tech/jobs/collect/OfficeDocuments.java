package io.patent2tech.jobs.collect;

import java.io.Serializable;

import io.patent2tech.connectors.collect.FetchedDocument;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.Source;
import io.patent2tech.udfs.DocumentRejectedException;
import io.patent2tech.udfs.UsptoDocumentProcessor;
import io.patent2tech.udfs.epo.EpoOpsDocumentProcessor;
import io.patent2tech.udfs.kipris.KiprisApiException;
import io.patent2tech.udfs.kipris.KiprisDocumentProcessor;

/**
 * Picks the office's mapper for a fetched document by its format: one mapper per wire format, all
 * producing the canonical {@link Patent}. Stateless, thread-safe.
 */
public final class OfficeDocuments implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * OPS has claims and description for EP and WO publications only: the others land without claims.
   * The {@code parse} command reads saved OPS responses with the same rule.
   */
  public static final boolean EPO_CLAIMS_REQUIRED = false;

  private final UsptoDocumentProcessor uspto = new UsptoDocumentProcessor();
  private final KiprisDocumentProcessor kipris = new KiprisDocumentProcessor();
  private final EpoOpsDocumentProcessor epo = new EpoOpsDocumentProcessor(EPO_CLAIMS_REQUIRED);

  public Patent process(FetchedDocument doc, Source where, long now) throws DocumentRejectedException {
    return switch (doc.format) {
      case FetchedDocument.FORMAT_USPTO_XML -> uspto.process(part(doc, "xml"), where, now);
      case FetchedDocument.FORMAT_KIPRIS -> kipris(part(doc, "detail"), where, now);
      case FetchedDocument.FORMAT_EPO_OPS ->
          epo.process(part(doc, "biblio"), doc.part("claims"), doc.part("description"), where, now);
      default -> throw new DocumentRejectedException(DocumentRejectedException.STAGE_PARSE,
          "no mapper for format '" + doc.format + "'", null, null);
    };
  }

  private Patent kipris(byte[] detail, Source where, long now) throws DocumentRejectedException {
    try {
      return kipris.process(detail, where, now);
    } catch (KiprisApiException e) {
      // the detail request itself was refused: this document cannot be read, the run goes on
      throw new DocumentRejectedException(DocumentRejectedException.STAGE_PARSE,
          "KIPRIS answered the detail request with an error: " + e.getMessage(), null, e);
    }
  }

  private static byte[] part(FetchedDocument doc, String name) throws DocumentRejectedException {
    byte[] b = doc.part(name);
    if (b == null) {
      throw new DocumentRejectedException(DocumentRejectedException.STAGE_PARSE,
          "fetched " + doc.format + " document has no '" + name + "' part", null, null);
    }
    return b;
  }
}
