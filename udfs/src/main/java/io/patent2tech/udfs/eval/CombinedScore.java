package io.patent2tech.udfs.eval;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A final score: the weighted mean of the stages that produced a score, with the weights actually
 * used (renormalized over those stages) so a reader can trace the number back to its parts.
 *
 * @param score the final score in [0, 1]
 * @param stagesUsed names of the stages that contributed, in combination order
 * @param effectiveWeights stage -> weight after renormalization (sums to 1)
 */
public record CombinedScore(double score, List<String> stagesUsed, Map<String, Double> effectiveWeights)
    implements Serializable {}
