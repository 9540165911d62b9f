package io.patent2tech.udfs.eval.llm;

import java.io.Serializable;
import java.util.List;

/**
 * What the technology is and how one would build it: the five points of the analysis prompt (seed
 * 001 asks for the first four; the outline is issue 3's). The seed has no feasibility score, so
 * feasibility is the model's text.
 */
public record TechnologyAnalysis(
    List<String> coreConcepts,
    String implementationFeasibility,
    List<String> relatedFields,
    List<String> commercialApplications,
    List<String> implementationOutline)
    implements Serializable {

  public TechnologyAnalysis {
    coreConcepts = List.copyOf(coreConcepts);
    relatedFields = List.copyOf(relatedFields);
    commercialApplications = List.copyOf(commercialApplications);
    implementationOutline = List.copyOf(implementationOutline);
  }
}
