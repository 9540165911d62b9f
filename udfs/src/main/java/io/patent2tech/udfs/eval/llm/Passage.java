package io.patent2tech.udfs.eval.llm;

import java.io.Serializable;
import java.util.Objects;

/**
 * One retrieved text put before the model: a prior-art patent, a statute, a guideline or a case.
 *
 * @param source where it comes from, shown to the model and kept short ("US-8930553-B2", "KR Patent
 *     Act Art. 29")
 * @param text the passage itself; untrusted, rendered inside a data block
 */
public record Passage(String source, String text) implements Serializable {

  public Passage {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(text, "text");
  }
}
