package io.patent2tech.jobs.parse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.patent2tech.jobs.collect.OfficeDocuments;
import io.patent2tech.schema.Source;
import io.patent2tech.udfs.DocumentResult;
import io.patent2tech.udfs.epo.EpoOpsResponses;

/**
 * Saved EPO OPS responses (search with the biblio constituent, biblio, full-cycle, claims,
 * description), read together: claims and description join the biblio of the same publication
 * ({@link EpoOpsResponses}). Claims are not required, as in the collect job
 * ({@link OfficeDocuments#EPO_CLAIMS_REQUIRED}). A response that cannot be used as a whole (malformed,
 * search without constituent, family/legal, claims without their biblio) is one dead letter
 * without a position.
 */
public final class EpoFiles implements FormatReader {

  static final String SOURCE = "epo";
  static final String OFFICE = "EPO";

  private final EpoOpsResponses responses = new EpoOpsResponses(OfficeDocuments.EPO_CLAIMS_REQUIRED);

  @Override
  public void read(List<String> files, ParseOutput out) throws IOException {
    Map<String, byte[]> bytes = new LinkedHashMap<>();
    for (String f : files) {
      bytes.put(f, Files.readAllBytes(Path.of(f)));
    }
    long now = System.currentTimeMillis();
    for (DocumentResult r : responses.process(bytes, now)) {
      if (r.isAccepted()) {
        out.record(r.patent());
        continue;
      }
      if (r.index() < 0) { // the response as a whole, not one of its documents
        out.rejectedFile(r.rejection(), SOURCE, OFFICE, r.file(), bytes.get(r.file()), now);
      } else {
        Source where = new Source(OFFICE, null, r.file(), null, (long) r.index(), null, null, null);
        out.rejected(r.rejection(), SOURCE, where, bytes.get(r.file()), now);
      }
    }
  }
}
