package io.patent2tech.udfs.eval.llm;

import java.io.Serializable;
import java.util.List;

/**
 * The model's novelty judgment, as the seed's answer format defines it ({@code is_novel,
 * confidence, reasoning, key_differences}).
 *
 * @param confidence how sure the model is of {@code isNovel}, in [0, 1]
 */
public record NoveltyAnswer(
    boolean isNovel, double confidence, String reasoning, List<String> keyDifferences)
    implements Serializable {

  public NoveltyAnswer {
    keyDifferences = List.copyOf(keyDifferences);
  }
}
