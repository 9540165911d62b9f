package io.patent2tech.udfs;

import java.io.Serializable;

import io.patent2tech.schema.Patent;
import io.patent2tech.udfs.normalize.PatentNormalizer;
import io.patent2tech.udfs.validate.PatentValidator;

/**
 * The last steps every office's chain shares once a parser has built its {@link Patent}: normalize,
 * validate, set {@code ingest_time}. An unexpected runtime error inside a step is reported as a
 * rejection of that step (stage {@code normalize} or {@code validate}, reason
 * {@code "normalizer error: ..."} / {@code "validator error: ..."}, with the publication key when
 * known), so one bad document never stops a stream. The record is changed in place.
 *
 * <p>Stateless, serializable and thread-safe.
 */
public final class RecordFinisher implements Serializable {

  private static final long serialVersionUID = 1L;

  private final PatentNormalizer normalizer = new PatentNormalizer();
  private final PatentValidator validator;

  /** @param claimsRequired whether a record without a claim with text is rejected (stage validate) */
  public RecordFinisher(boolean claimsRequired) {
    this.validator = new PatentValidator(claimsRequired);
  }

  /**
   * normalize -> validate -> set ingest time.
   *
   * @param textCollapsed as {@link PatentNormalizer#normalize(Patent, boolean)}: the parser's text
   *                      is already white-space collapsed (USPTO)
   */
  public Patent finish(Patent p, boolean textCollapsed, long ingestTimeMillis) throws DocumentRejectedException {
    return validated(normalized(p, textCollapsed), ingestTimeMillis);
  }

  /** The normalized record (p itself). */
  public Patent normalized(Patent p, boolean textCollapsed) throws DocumentRejectedException {
    try {
      return normalizer.normalize(p, textCollapsed);
    } catch (RuntimeException e) {
      throw new DocumentRejectedException(DocumentRejectedException.STAGE_NORMALIZE,
          "normalizer error: " + e, keyOf(p), e);
    }
  }

  /** Validates a normalized record and sets its ingest time. */
  public Patent validated(Patent p, long ingestTimeMillis) throws DocumentRejectedException {
    try {
      validator.validate(p);
    } catch (RuntimeException e) {
      throw new DocumentRejectedException(DocumentRejectedException.STAGE_VALIDATE,
          "validator error: " + e, keyOf(p), e);
    }
    p.setIngestTime(ingestTimeMillis);
    return p;
  }

  /** The record's publication key, or null when it has none (yet). */
  public static String keyOf(Patent p) {
    String k = p.getPublicationKey();
    return k == null || k.isEmpty() ? null : k;
  }
}
