package io.patent2tech.udfs;

import io.patent2tech.schema.Claim;
import io.patent2tech.schema.LocalizedText;
import io.patent2tech.schema.Patent;
import java.util.List;
import java.util.Optional;

/**
 * The texts the enrichment reads from a patent: its title, abstract and first independent claim,
 * in the patent's language where the record has several. Embedding, the rule stage and the LLM
 * prompts all take them from here, so they read the same claim.
 */
public final class PatentTexts {

  private PatentTexts() {}

  /** The title in the patent's language, else the first title; empty when there is none. */
  public static Optional<String> title(Patent patent) {
    return localized(patent.getTitles(), patent.getLanguage());
  }

  /** The abstract in the patent's language, else the first; empty for designs and the like. */
  public static Optional<String> abstractText(Patent patent) {
    return localized(patent.getAbstracts(), patent.getLanguage());
  }

  /** The first claim marked independent; the first claim when none is marked. */
  public static Optional<String> firstIndependentClaim(Patent patent) {
    List<Claim> claims = patent.getClaims();
    return claims.stream()
        .filter(Claim::getIndependent)
        .findFirst()
        .or(() -> claims.stream().findFirst())
        .map(claim -> claim.getText().strip())
        .filter(text -> !text.isEmpty());
  }

  private static Optional<String> localized(List<LocalizedText> texts, String language) {
    return texts.stream()
        .filter(text -> language != null && language.equalsIgnoreCase(text.getLang()))
        .findFirst()
        .or(() -> texts.stream().findFirst())
        .map(text -> text.getText().strip())
        .filter(text -> !text.isEmpty());
  }
}
