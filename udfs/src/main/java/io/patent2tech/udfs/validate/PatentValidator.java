package io.patent2tech.udfs.validate;

import java.io.Serializable;
import java.util.List;
import java.util.function.Function;

import io.patent2tech.schema.Claim;
import io.patent2tech.schema.DocumentId;
import io.patent2tech.schema.LocalizedText;
import io.patent2tech.schema.Patent;
import io.patent2tech.udfs.DocumentRejectedException;

/**
 * Required fields of a normalized patent. A record missing one is rejected (stage
 * {@code validate}) with the field named: {@code publication.country}, {@code publication.number},
 * {@code publication.kind}, {@code publication.date}, {@code title}, {@code claims},
 * {@code application.number}, plus the record's own {@code publication_key} and
 * {@code content_hash} (the normalizer's output).
 *
 * <p>{@link #PatentValidator(boolean)} with false leaves out the claims check: EPO OPS serves
 * bibliographic data and claims as separate responses, and a search with the biblio constituent
 * yields records that have no claims yet (see {@code EpoOpsDocumentProcessor}).
 */
public final class PatentValidator implements Serializable {

  private static final long serialVersionUID = 1L;

  private final boolean claimsRequired;

  public PatentValidator() {
    this(true);
  }

  /** @param claimsRequired whether a record without a claim with text is rejected (default true) */
  public PatentValidator(boolean claimsRequired) {
    this.claimsRequired = claimsRequired;
  }

  public void validate(Patent p) throws DocumentRejectedException {
    if (p == null) {
      throw missing("record", null);
    }
    String key = blank(p.getPublicationKey()) ? null : p.getPublicationKey();
    DocumentId pub = p.getPublication();
    if (pub == null) {
      throw missing("publication", key);
    }
    if (blank(pub.getCountry())) {
      throw missing("publication.country", key);
    }
    if (blank(pub.getNumber())) {
      throw missing("publication.number", key);
    }
    if (blank(pub.getKind())) {
      throw missing("publication.kind", key);
    }
    if (blank(pub.getDate())) {
      throw missing("publication.date", key);
    }
    if (key == null) {
      throw missing("publication_key", null);
    }
    if (!anyText(p.getTitles(), LocalizedText::getText)) {
      throw missing("title", key);
    }
    if (claimsRequired && !anyText(p.getClaims(), Claim::getText)) {
      throw missing("claims (at least one claim with text)", key);
    }
    DocumentId app = p.getApplication();
    if (app == null || blank(app.getNumber())) {
      throw missing("application.number", key);
    }
    if (blank(p.getContentHash())) {
      throw missing("content_hash (record not normalized)", key);
    }
    if (p.getSource() == null) {
      throw missing("source", key);
    }
  }

  private static DocumentRejectedException missing(String field, String key) {
    return new DocumentRejectedException(DocumentRejectedException.STAGE_VALIDATE,
        "missing required field: " + field, key, null);
  }

  /** Whether some element of {@code items} has a text that is not blank. */
  private static <T> boolean anyText(List<T> items, Function<T, String> text) {
    if (items == null) {
      return false;
    }
    for (T item : items) {
      if (item != null && !blank(text.apply(item))) {
        return true;
      }
    }
    return false;
  }

  private static boolean blank(String s) {
    if (s == null) {
      return true;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isWhitespace(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
