package io.patent2tech.udfs;

import io.patent2tech.schema.Patent;

/**
 * The outcome for one document of a multi-document response (an OPS search or biblio response, a
 * KIPRIS search page): the record, or the rejection a caller routes to the dead-letter topic on its
 * own. One bad document must not cost its neighbours, so the processors' {@code processAll} methods
 * return these instead of throwing.
 */
public final class DocumentResult {

  private final String file;
  private final int index;
  private final String applicationNumber;
  private final Patent patent;
  private final Patent normalized;
  private final DocumentRejectedException rejection;

  private DocumentResult(String file, int index, String applicationNumber, Patent patent, Patent normalized,
                         DocumentRejectedException rejection) {
    this.file = file;
    this.index = index;
    this.applicationNumber = applicationNumber;
    this.patent = patent;
    this.normalized = normalized;
    this.rejection = rejection;
  }

  /** An accepted record (normalized and validated). */
  public static DocumentResult accepted(String file, int index, Patent patent) {
    return new DocumentResult(file, index, null, patent, patent, null);
  }

  /** A rejected document. */
  public static DocumentResult rejected(String file, int index, DocumentRejectedException rejection) {
    return new DocumentResult(file, index, null, null, null, rejection);
  }

  /**
   * Either outcome, with what the processor knew of the document beyond it.
   *
   * @param applicationNumber the office's application number as written in the document, or null
   * @param patent            the accepted record, or null when rejected
   * @param normalized        the normalized record, validated or not; null when parsing or
   *                          normalizing failed
   * @param rejection         the rejection, or null when accepted
   */
  public static DocumentResult of(String file, int index, String applicationNumber, Patent patent,
                                  Patent normalized, DocumentRejectedException rejection) {
    return new DocumentResult(file, index, applicationNumber, patent, normalized, rejection);
  }

  /** The response the document came from ({@code source.file}, or the name it was given); may be null. */
  public String file() {
    return file;
  }

  /**
   * 0-based position of the document in its response; -1 when the whole response was rejected
   * (malformed XML) or, in {@link io.patent2tech.udfs.epo.EpoOpsResponses}, for a claims/description
   * response that matched no biblio.
   */
  public int index() {
    return index;
  }

  /**
   * The document's application number as the office gave it (KIPRIS: 13 digits), read before any
   * rejection; null when it had none or the processor does not read it (EPO).
   */
  public String applicationNumber() {
    return applicationNumber;
  }

  public boolean isAccepted() {
    return patent != null;
  }

  /** The normalized, validated record, or null when rejected. */
  public Patent patent() {
    return patent;
  }

  /**
   * The normalized record whenever parsing and normalizing worked: the accepted record, or (KIPRIS)
   * the record the validator then rejected. Search rows carry no claims, so the validator rejects
   * every one of them; the normalized row still holds the keys, dates, title, abstract, IPC and
   * applicants, which a caller may use (e.g. to decide which detail to fetch). Null when parsing or
   * normalizing failed, and for an EPO rejection.
   */
  public Patent normalized() {
    return normalized;
  }

  /** The rejection (stage, reason, key when known), or null when accepted. */
  public DocumentRejectedException rejection() {
    return rejection;
  }

  /** The publication key of the record or, if known, of the rejected document; else null. */
  public String publicationKey() {
    return patent != null ? patent.getPublicationKey() : rejection.publicationKey();
  }

  @Override
  public String toString() {
    return (isAccepted() ? "accepted " : "rejected ") + file + '[' + index + "] "
        + (applicationNumber == null ? "" : applicationNumber + ' ')
        + (isAccepted() ? patent.getPublicationKey() : rejection.getMessage());
  }
}
