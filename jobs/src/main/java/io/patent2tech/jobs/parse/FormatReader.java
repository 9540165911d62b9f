package io.patent2tech.jobs.parse;

import java.io.IOException;
import java.util.List;

/** One office's reading of saved files for {@code parse}: every document to a record or a dead letter. */
public interface FormatReader {

  /**
   * @param files paths as given on the command line (they become {@code source.file}), all of this
   *              reader's format, in command-line order
   */
  void read(List<String> files, ParseOutput out) throws IOException;
}
