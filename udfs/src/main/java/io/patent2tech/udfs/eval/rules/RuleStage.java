package io.patent2tech.udfs.eval.rules;

import io.patent2tech.schema.Classification;
import io.patent2tech.schema.Patent;
import io.patent2tech.udfs.PatentTexts;
import io.patent2tech.udfs.eval.Enrichment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * The rule stage (seed 002 section 1, docs/scoring.md): the technical features of the first
 * independent claim, the novelty rule score (largest feature Jaccard with a retrieved prior-art
 * claim, each one recorded on its document) and the inventive-step rule score (field complexity,
 * feature weight, prior-art distance). Deterministic and local: it runs for every patent.
 */
public final class RuleStage extends RichMapFunction<Enrichment, Enrichment> {

  private static final long serialVersionUID = 1L;

  private transient ClaimComponentParser parser;
  private transient TechnicalFeatures features;

  @Override
  public void open(OpenContext openContext) {
    parser = new ClaimComponentParser();
    features = new TechnicalFeatures(SynonymDictionary.defaults());
  }

  @Override
  public Enrichment map(Enrichment e) {
    Patent patent = e.patent;
    e.claim = PatentTexts.firstIndependentClaim(patent).orElse(null);
    Set<String> claimFeatures = featuresOf(e.claim, patent.getLanguage());
    e.features = claimFeatures.toArray(new String[0]);

    List<Set<String>> priorArtFeatures = new ArrayList<>();
    for (Enrichment.PriorArtDocument document : e.priorArt) {
      if (document.firstClaim == null || document.firstClaim.isBlank()) {
        continue;
      }
      Set<String> other = featuresOf(document.firstClaim, document.language);
      document.featureSimilarity = RuleScores.jaccard(claimFeatures, other);
      priorArtFeatures.add(other);
    }
    e.noveltyRuleScore = RuleScores.noveltyRuleScore(claimFeatures, priorArtFeatures);

    TechnologyField field = TechnologyField.of(classificationSymbols(patent), patent.getDocumentType());
    e.technologyField = field.name().toLowerCase(Locale.ROOT);
    e.inventiveStepRuleScore =
        RuleScores.inventiveStepRuleScore(field, claimFeatures.size(), e.priorArt.length);
    return e;
  }

  private Set<String> featuresOf(String claim, String language) {
    if (claim == null || claim.isBlank()) {
      return Set.of();
    }
    return features.of(parser.parse(claim, language));
  }

  /** CPC before IPC, the first (main) symbol of each first, as {@link TechnologyField#of} wants. */
  static List<String> classificationSymbols(Patent patent) {
    return patent.getClassifications().stream()
        .sorted(Comparator.comparingInt(RuleStage::schemeRank)
            .thenComparing(c -> !c.getFirst()))
        .map(Classification::getSymbol)
        .toList();
  }

  private static int schemeRank(Classification c) {
    return switch (c.getScheme().toUpperCase(Locale.ROOT)) {
      case "CPC" -> 0;
      case "IPC" -> 1;
      default -> 2;
    };
  }
}
