package io.patent2tech.udfs.epo;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import io.patent2tech.schema.Patent;
import io.patent2tech.schema.Source;
import io.patent2tech.udfs.DocumentRejectedException;
import io.patent2tech.udfs.DocumentResult;
import io.patent2tech.udfs.RecordFinisher;
import io.patent2tech.udfs.epo.FulltextParser.Fulltext;

/**
 * parse -> normalize -> validate for EPO OPS 3.2 published-data responses, the EPO counterpart of
 * {@link io.patent2tech.udfs.UsptoDocumentProcessor}. OPS serves one publication in up to three
 * responses (biblio, claims, description); this class joins them into one {@link Patent}. See
 * docs/parser.md ("EPO OPS responses") for what is read from where.
 *
 * <p>Stateless, serializable and thread-safe, so a Flink operator can hold one. {@link #process}
 * throws only {@link DocumentRejectedException}: malformed XML, a response without the requested
 * exchange-document and a claims/description response for another publication are stage
 * {@code parse}; an invalid publication date stage {@code normalize}; a missing required field
 * stage {@code validate}. Unexpected runtime errors of a stage become a rejection of that stage.
 *
 * <p>The default instance requires claims, like the USPTO chain. OPS biblio responses carry none,
 * so for biblio-only ingestion (search with the biblio constituent) use
 * {@code new EpoOpsDocumentProcessor(false)}: every other required field is still checked.
 */
public final class EpoOpsDocumentProcessor implements Serializable {

  private static final long serialVersionUID = 1L;

  /** {@code source.product} prefix; the parts used are appended ("+claims", "+description"). */
  public static final String PRODUCT = "epo-ops 3.2 biblio";

  private final ExchangeDocumentParser biblioParser = new ExchangeDocumentParser();
  private final FulltextParser fulltextParser = new FulltextParser();
  private final RecordFinisher finisher;

  /** Claims required (a record without claims is rejected, stage validate). */
  public EpoOpsDocumentProcessor() {
    this(true);
  }

  /** @param claimsRequired false to accept biblio-only records (no claims response at hand) */
  public EpoOpsDocumentProcessor(boolean claimsRequired) {
    this.finisher = new RecordFinisher(claimsRequired);
  }

  /**
   * The first exchange-document of {@code biblio}, with claims and description merged in.
   *
   * @param biblio           an OPS published-data biblio (or abstract, full-cycle) response, or a
   *                         search response with the biblio constituent
   * @param claims           the OPS claims response for the same publication, or null
   * @param description      the OPS description response for the same publication, or null
   * @param where            file/entry/position/request of the response; copied, office EPO and
   *                         product filled in; null is read as an unknown file
   * @param ingestTimeMillis epoch milliseconds stored as {@code ingest_time}
   */
  public Patent process(byte[] biblio, byte[] claims, byte[] description, Source where, long ingestTimeMillis)
      throws DocumentRejectedException {
    return process(biblio, 0, claims, description, where, ingestTimeMillis);
  }

  /** As {@link #process(byte[], byte[], byte[], Source, long)} for the {@code index}-th (0-based) exchange-document. */
  public Patent process(byte[] biblio, int index, byte[] claims, byte[] description, Source where,
                        long ingestTimeMillis) throws DocumentRejectedException {
    List<Patent> docs = biblioParser.parse(biblio);
    if (docs.isEmpty()) {
      throw OpsXml.reject("no exchange-document in the biblio response", null);
    }
    if (index < 0 || index >= docs.size()) {
      throw OpsXml.reject("no exchange-document " + index + " in the biblio response (it holds " + docs.size() + ")",
          null);
    }
    Patent p = docs.get(index);
    Fulltext c = claims == null ? null : matching(fulltextParser.parse(claims, "claims"), p, "claims");
    Fulltext d = description == null ? null
        : matching(fulltextParser.parse(description, "description"), p, "description");
    return finish(p, c, d, where, where == null ? 0L : where.getPosition(), ingestTimeMillis);
  }

  /**
   * Every exchange-document of one response, each processed on its own (no claims or description):
   * a rejected document does not stop the others. Malformed XML rejects the response as a whole: one
   * result with index -1. A response with no exchange-document gives an empty list.
   *
   * @param where the response's file/request; each record's {@code source.position} is its index
   */
  public List<DocumentResult> processAll(byte[] response, Source where, long ingestTimeMillis) {
    String file = where == null ? null : where.getFile();
    List<Patent> docs;
    try {
      docs = biblioParser.parse(response);
    } catch (DocumentRejectedException e) {
      return List.of(DocumentResult.rejected(file, -1, e));
    }
    List<DocumentResult> out = new ArrayList<>(docs.size());
    for (int i = 0; i < docs.size(); i++) {
      try {
        out.add(DocumentResult.accepted(file, i, finish(docs.get(i), null, null, where, i, ingestTimeMillis)));
      } catch (DocumentRejectedException e) {
        out.add(DocumentResult.rejected(file, i, e));
      }
    }
    return out;
  }

  /** Parses a claims or description response (for {@link EpoOpsResponses}). */
  List<Fulltext> parseFulltext(byte[] response, String what) throws DocumentRejectedException {
    return fulltextParser.parse(response, what);
  }

  /** Parses a biblio response (for {@link EpoOpsResponses}). */
  List<Patent> parseBiblio(byte[] response) throws DocumentRejectedException {
    return biblioParser.parse(response);
  }

  /** The fulltext-document for p's publication; one without a publication reference is taken as is. */
  private static Fulltext matching(List<Fulltext> texts, Patent p, String what) throws DocumentRejectedException {
    String key = p.getPublicationKey();
    for (Fulltext t : texts) {
      if (t.key() == null || t.key().equals(key)) {
        return t;
      }
    }
    if (texts.isEmpty()) {
      throw new DocumentRejectedException(DocumentRejectedException.STAGE_PARSE,
          "no fulltext-document in the " + what + " response", emptyToNull(key), null);
    }
    throw new DocumentRejectedException(DocumentRejectedException.STAGE_PARSE,
        "the " + what + " response is for " + texts.get(0).key() + ", not " + key, emptyToNull(key), null);
  }

  /**
   * Merges full text into a parsed biblio record, sets source and language, normalizes and
   * validates. {@code parsed} is changed in place.
   */
  Patent finish(Patent p, Fulltext claims, Fulltext description, Source where, long position, long ingestTimeMillis)
      throws DocumentRejectedException {
    try {
      if (claims != null) {
        p.setClaims(EpoClaims.of(claims.claimTexts()));
      }
      if (description != null) {
        p.setDescription(EpoDescription.of(description.paragraphs()));
      }
      p.setLanguage(EpoLanguages.publicationLanguage(p.getLanguage(), claims == null ? null : claims.claimsLang(),
          description == null ? null : description.descriptionLang(), p.getAbstracts(), p.getTitles()));
      p.setSource(source(where, position, claims != null, description != null));
    } catch (RuntimeException e) {
      throw new DocumentRejectedException(DocumentRejectedException.STAGE_PARSE, "parser error: " + e,
          emptyToNull(p.getPublicationKey()), e);
    }
    return finisher.finish(p, false, ingestTimeMillis);
  }

  private static Source source(Source where, long position, boolean claims, boolean description) {
    Source s = where == null ? new Source("EPO", null, "", null, 0L, null, null, null)
        : new Source(where.getOffice(), where.getProduct(), where.getFile(), where.getEntry(), where.getPosition(),
            where.getOffset(), where.getRequest(), where.getCollectionRun());
    if (s.getOffice() == null || s.getOffice().isEmpty()) {
      s.setOffice("EPO");
    }
    if (s.getFile() == null) {
      s.setFile("");
    }
    s.setPosition(position);
    s.setProduct(PRODUCT + (claims ? "+claims" : "") + (description ? "+description" : ""));
    return s;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
