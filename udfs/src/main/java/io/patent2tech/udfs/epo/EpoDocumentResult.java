package io.patent2tech.udfs.epo;

import io.patent2tech.schema.Patent;
import io.patent2tech.udfs.DocumentRejectedException;

/**
 * The outcome for one document of a multi-document OPS response: the record, or the rejection a
 * caller routes to the dead-letter topic. One bad exchange-document must not cost its neighbours, so
 * {@link EpoOpsDocumentProcessor#processAll} and {@link EpoOpsResponses#process} return these
 * instead of throwing.
 */
public final class EpoDocumentResult {

  private final String file;
  private final int index;
  private final Patent patent;
  private final DocumentRejectedException rejection;

  private EpoDocumentResult(String file, int index, Patent patent, DocumentRejectedException rejection) {
    this.file = file;
    this.index = index;
    this.patent = patent;
    this.rejection = rejection;
  }

  static EpoDocumentResult accepted(String file, int index, Patent patent) {
    return new EpoDocumentResult(file, index, patent, null);
  }

  static EpoDocumentResult rejected(String file, int index, DocumentRejectedException rejection) {
    return new EpoDocumentResult(file, index, null, rejection);
  }

  /** The response the document came from ({@code source.file}, or the name given to {@link EpoOpsResponses}); may be null. */
  public String file() {
    return file;
  }

  /**
   * 0-based position of the exchange-document in its response; -1 when the whole response was
   * rejected (malformed XML) or, in {@link EpoOpsResponses}, for a claims/description response that
   * matched no biblio.
   */
  public int index() {
    return index;
  }

  public boolean isAccepted() {
    return patent != null;
  }

  /** The normalized, validated record, or null when rejected. */
  public Patent patent() {
    return patent;
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
        + (isAccepted() ? patent.getPublicationKey() : rejection.getMessage());
  }
}
