package io.patent2tech.udfs.kipris;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import io.patent2tech.schema.Patent;
import io.patent2tech.schema.Source;
import io.patent2tech.udfs.DocumentRejectedException;
import io.patent2tech.udfs.DocumentResult;
import io.patent2tech.udfs.RecordFinisher;

/**
 * parse -> normalize -> validate for KIPRIS Plus responses, the KIPRIS side of
 * {@link io.patent2tech.udfs.UsptoDocumentProcessor}. Stateless and thread-safe.
 *
 * <p>Two kinds of failure, kept apart on purpose:
 * <ul>
 *   <li>{@link KiprisApiException}: the response is an error envelope ({@code resultCode} 30 invalid
 *       key, {@code successYN} N ...): the whole request failed, nothing to dead-letter;</li>
 *   <li>{@link DocumentRejectedException}: the document is unusable: malformed or truncated XML
 *       (stage parse, with line and column), a design, a nil {@code biblioSummaryInfo}, an
 *       application never published, missing required fields (stage validate) ... Any unexpected
 *       runtime error inside a stage is reported as a rejection of that stage.</li>
 * </ul>
 * What is read from where: docs/parser.md, "KIPRIS Plus responses".
 */
public final class KiprisDocumentProcessor implements Serializable {

  private static final long serialVersionUID = 1L;

  private final RecordFinisher finisher;

  public KiprisDocumentProcessor() {
    this.finisher = new RecordFinisher(true);
  }

  /**
   * One application: a {@code getBibliographyDetailInfoSearch} response (or any response holding
   * exactly one record).
   *
   * @param detailResponse   the response bytes as received
   * @param where            office/file/position/request/collection run; copied; product filled in
   *                         when null (e.g. {@code kipris-plus getBibliographyDetailInfoSearch})
   * @param ingestTimeMillis epoch milliseconds stored as {@code ingest_time}
   * @throws KiprisApiException        the response is an error envelope
   * @throws DocumentRejectedException the document cannot be mapped (also: no record, or several)
   */
  public Patent process(byte[] detailResponse, Source where, long ingestTimeMillis)
      throws DocumentRejectedException, KiprisApiException {
    List<XmlNode> items = items(detailResponse);
    if (items.size() != 1) {
      throw new DocumentRejectedException(DocumentRejectedException.STAGE_PARSE,
          items.isEmpty() ? "response holds no record" : "response holds " + items.size()
              + " records; use processAll", null, null);
    }
    return finisher.finish(parsed(items.get(0), where), false, ingestTimeMillis);
  }

  /**
   * Every record of a response (search pages of the legacy {@code openapi/rest} or current API; a
   * detail response gives one result). One result per record, in order; {@code where.position} of
   * each record's source is the record's 0-based index.
   *
   * @throws KiprisApiException        the response is an error envelope
   * @throws DocumentRejectedException the response as a whole cannot be read (malformed XML)
   */
  public List<DocumentResult> processAll(byte[] response, Source where, long ingestTimeMillis)
      throws DocumentRejectedException, KiprisApiException {
    List<XmlNode> items = items(response);
    String file = where == null ? null : where.getFile();
    List<DocumentResult> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      XmlNode item = items.get(i);
      String app = KiprisRecords.applicationNumber(item);
      Source at = where == null ? null : Source.newBuilder(where).setPosition(i).build();
      Patent normalized = null;
      try {
        normalized = finisher.normalized(parsed(item, at), false);
        out.add(DocumentResult.of(file, i, app, finisher.validated(normalized, ingestTimeMillis), normalized, null));
      } catch (DocumentRejectedException e) {
        out.add(DocumentResult.of(file, i, app, null, normalized, e));
      }
    }
    return out;
  }

  private static List<XmlNode> items(byte[] response) throws DocumentRejectedException, KiprisApiException {
    XmlNode root;
    try {
      root = KiprisXml.read(response);
    } catch (KiprisXml.Unreadable e) {
      throw new DocumentRejectedException(DocumentRejectedException.STAGE_PARSE, e.getMessage(), null, e.getCause());
    }
    KiprisEnvelope.check(root);
    if (!"response".equalsIgnoreCase(root.name())) {
      throw new DocumentRejectedException(DocumentRejectedException.STAGE_PARSE,
          "root element <" + root.name() + "> is not a KIPRIS <response>", null, null);
    }
    return KiprisEnvelope.items(root);
  }

  private static Patent parsed(XmlNode item, Source where) throws DocumentRejectedException {
    try {
      return KiprisRecords.map(item, where);
    } catch (RuntimeException e) {
      throw new DocumentRejectedException(DocumentRejectedException.STAGE_PARSE, "mapper error: " + e, null, e);
    }
  }
}
