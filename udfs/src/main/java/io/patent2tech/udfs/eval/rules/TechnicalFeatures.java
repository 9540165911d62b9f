package io.patent2tech.udfs.eval.rules;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The technical features of a claim (seed 002 §1, "기술적 특징 추출 (명사/용어)"): its technical noun
 * phrases and terms, lower-cased, boilerplate and numbers removed, each replaced by its canonical
 * form from the {@link SynonymDictionary}. Rule based and deterministic; the rules are in
 * docs/scoring.md.
 */
public final class TechnicalFeatures implements Serializable {

  private static final long serialVersionUID = 1L;

  private final SynonymDictionary synonyms;

  public TechnicalFeatures(SynonymDictionary synonyms) {
    this.synonyms = Objects.requireNonNull(synonyms, "synonyms");
  }

  /**
   * The features of preamble, body and characterizing part, in the order they first occur;
   * unmodifiable. Korean claims ({@code language() == "ko"}) with the Korean rules, all others with
   * the English ones.
   */
  public Set<String> of(ClaimComponents claim) {
    Objects.requireNonNull(claim, "claim");
    Set<String> out = new LinkedHashSet<>();
    boolean korean = "ko".equals(claim.language());
    for (String part : new String[] {claim.preamble(), claim.body(), claim.characterizingPart()}) {
      if (part == null || part.isEmpty()) {
        continue;
      }
      if (korean) {
        KoreanFeatures.collect(part, synonyms, out);
      } else {
        EnglishFeatures.collect(part, synonyms, out);
      }
    }
    return Collections.unmodifiableSet(out);
  }
}
