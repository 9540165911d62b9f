package io.patent2tech.udfs.kipris;

import io.patent2tech.schema.Patent;
import io.patent2tech.udfs.DocumentRejectedException;

/**
 * The outcome for one record of a multi-record KIPRIS response: an accepted {@link Patent}, or a
 * rejection to dead-letter on its own.
 *
 * <p>{@link #normalized()} is the normalized record whenever parsing and normalizing worked, also when
 * validation then rejected it. Search rows carry no claims, so the validator rejects every one of
 * them ({@code missing required field: claims}); the normalized row still holds the keys, dates,
 * title, abstract, IPC and applicants, which a caller may use (e.g. to decide which detail to fetch).
 */
public final class KiprisItemResult {

  private final int position;
  private final String applicationNumber;
  private final Patent patent;
  private final Patent normalized;
  private final DocumentRejectedException rejection;

  KiprisItemResult(int position, String applicationNumber, Patent patent, Patent normalized,
                   DocumentRejectedException rejection) {
    this.position = position;
    this.applicationNumber = applicationNumber;
    this.patent = patent;
    this.normalized = normalized;
    this.rejection = rejection;
  }

  /** 0-based index of the record in the response. */
  public int position() {
    return position;
  }

  /** The record's application number as KIPRIS gave it (13 digits), or null when it had none. */
  public String applicationNumber() {
    return applicationNumber;
  }

  public boolean accepted() {
    return patent != null;
  }

  /** The normalized, validated record; null when rejected. */
  public Patent patent() {
    return patent;
  }

  /** The normalized record, validated or not; null when parsing or normalizing failed. */
  public Patent normalized() {
    return normalized;
  }

  /** Why the record was rejected; null when accepted. */
  public DocumentRejectedException rejection() {
    return rejection;
  }

  @Override
  public String toString() {
    return "KiprisItemResult{" + position + ", " + applicationNumber + ", "
        + (accepted() ? patent.getPublicationKey() : rejection.getMessage()) + '}';
  }
}
